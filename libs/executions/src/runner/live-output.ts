import {
  appendTail,
  emptyTail,
  splitLines,
  tailLines,
  type OutputBatch,
  type OutputTail,
} from '@monitor/domain';

/** Whole lines a running stage printed (an agent's output frame), each with its newline. */
export interface OutputFrame {
  stage: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

export type OutputSink = (frame: OutputFrame) => void;

export interface BatchEvery {
  ms: number;
  lines: number;
}

interface Pending {
  stage: string;
  stdout: OutputTail;
  stderr: OutputTail;
  lines: number;
}

/**
 * A running stage's output on its way to the Update: each line masked as it comes, then sent in
 * batches, one append at a time: a line after a quiet spell at once, then at most one batch
 * every `ms` unless `lines` gathered first. While one is being stored the next gathers, its
 * head dropped past the caps: a stage printing faster than the store keeps up sends fewer,
 * bounded batches rather than queueing them.
 */
export class LiveOutput {
  private pending: Pending[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private sending?: Promise<void>;
  private failure?: unknown;
  /** When the last batch was cut: the next waits until `every.ms` after it. */
  private lastCut = 0;

  constructor(
    private readonly append: (batch: OutputBatch) => Promise<void>,
    private readonly mask: (line: string) => string,
    private readonly every: BatchEvery = { ms: 250, lines: 100 },
  ) {}

  readonly write: OutputSink = (frame) => {
    const lines = splitLines(frame.text).map(this.mask);
    if (!lines.length) return;
    let last = this.pending[this.pending.length - 1];
    if (last?.stage !== frame.stage) {
      last = { stage: frame.stage, stdout: emptyTail(), stderr: emptyTail(), lines: 0 };
      this.pending.push(last);
    }
    last[frame.stream] = appendTail(last[frame.stream], lines);
    last.lines += lines.length;
    if (last.lines >= this.every.lines || this.pending.length > 1) this.flush();
    else this.schedule();
  };

  /**
   * Before a stage's log is appended: what was not sent yet is dropped (the log holds it), what
   * is being sent is waited for. Throws when an append of output failed.
   */
  async settle(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    while (this.sending) await this.sending;
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.sending || !this.pending.length) return;
    const batches = this.pending;
    this.pending = [];
    this.lastCut = Date.now();
    this.sending = this.send(batches).finally(() => {
      this.sending = undefined;
      if (!this.pending.length) return;
      if (this.pending.length > 1 || this.pending[0].lines >= this.every.lines) this.flush();
      else this.schedule();
    });
  }

  /** A flush `every.ms` after the last batch was cut: at once after a quiet spell. */
  private schedule(): void {
    const wait = this.lastCut + this.every.ms - Date.now();
    if (wait <= 0 && !this.sending) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, wait));
  }

  private async send(batches: Pending[]): Promise<void> {
    try {
      for (const { stage, stdout, stderr } of batches) {
        const dropped = { stdout: droppedOf(stdout), stderr: droppedOf(stderr) };
        await this.append({
          stage,
          stdout: tailLines(stdout),
          stderr: tailLines(stderr),
          ts: Date.now(),
          ...(dropped.stdout || dropped.stderr ? { dropped } : {}),
        });
      }
    } catch (error) {
      // Kept for the stage's log to throw (settle): the execution then fails saying why.
      this.failure ??= error;
    }
  }
}

/** What a stream of a batch lost past the caps: said beside its text, not as a line in it. */
function droppedOf(tail: OutputTail) {
  return tail.droppedLines ? { lines: tail.droppedLines, bytes: tail.droppedBytes } : undefined;
}
