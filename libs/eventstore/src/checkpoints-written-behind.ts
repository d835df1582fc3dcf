import type { CheckpointStore } from './checkpoints';

/** How long a saved position may wait to be written, at most. */
export const CHECKPOINT_WRITE_DELAY_MS = 1000;

/**
 * A follower's checkpoints written behind it: `save` keeps the position, and the latest of each
 * name is written once per `delayMs` (and at `flush`, as the follower stops), rather than once
 * per event handled: a follower acting on every completed Update wrote a row (SQLite) or
 * published a message (JetStream) for each. Delivery stays at least once: after a crash, the
 * follower handles again what came after the position last written, as its handlers allow
 * (CheckpointStore). A write that fails is reported and tried again with the next, until
 * `close`.
 */
export class CheckpointsWrittenBehind implements CheckpointStore {
  private readonly pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly onError: (error: Error, name: string) => void,
    private readonly delayMs = CHECKPOINT_WRITE_DELAY_MS,
  ) {}

  async load(name: string): Promise<number> {
    return this.pending.get(name) ?? this.checkpoints.load(name);
  }

  async save(name: string, position: number): Promise<void> {
    this.pending.set(name, position);
    // Not holding the process up: a stop without `flush` only means events handled again.
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs).unref();
  }

  /** Writes what waits, as the follower stops: a write that fails then is reported, not retried. */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }

  /** Writes every position saved and not yet written; resolves once they are. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const saved = [...this.pending];
    this.pending.clear();
    this.writing = this.writing.then(() => this.write(saved));
    return this.writing;
  }

  private async write(saved: [string, number][]): Promise<void> {
    for (const [name, position] of saved) {
      try {
        await this.checkpoints.save(name, position);
      } catch (error) {
        this.onError(error instanceof Error ? error : new Error(String(error)), name);
        // Tried again with the next write, unless a later position is already waiting.
        if (!this.closed && !this.pending.has(name)) void this.save(name, position);
      }
    }
  }
}
