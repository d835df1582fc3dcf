import {
  appendTail,
  emptyTail,
  OUTPUT_CAPS,
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

/**
 * Past `bytes` stored for one stage, its batches go out at most every `ms`, each only the last
 * `lines` within `batchBytes` a stream: a stage that prints for hours stores a trickle, not all.
 */
export interface StoredBudget {
  bytes: number;
  ms: number;
  lines: number;
  batchBytes: number;
}

export const STORED_BUDGET: StoredBudget = {
  bytes: 2 * 1024 * 1024,
  ms: 5_000,
  lines: 50,
  batchBytes: 16 * 1024,
};

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
  /** Bytes of output stored per stage, against the budget. */
  private readonly stored = new Map<string, number>();

  constructor(
    private readonly append: (batch: OutputBatch) => Promise<void>,
    private readonly mask: (line: string) => string,
    private readonly every: BatchEvery = { ms: 250, lines: 100 },
    private readonly budget: StoredBudget = STORED_BUDGET,
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
    if (this.due(last) || this.pending.length > 1) this.flush();
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
      if (this.pending.length > 1 || this.due(this.pending[0])) this.flush();
      else this.schedule();
    });
  }

  /** Enough lines gathered to send before the interval, unless the stage is past its budget. */
  private due(pending: Pending): boolean {
    return pending.lines >= this.every.lines && !this.overBudget(pending.stage);
  }

  private overBudget(stage: string): boolean {
    return (this.stored.get(stage) ?? 0) >= this.budget.bytes;
  }

  /** A flush `every.ms` (or the budget's `ms`) after the last batch was cut. */
  private schedule(): void {
    const stage = this.pending[0]?.stage;
    const interval = stage && this.overBudget(stage) ? this.budget.ms : this.every.ms;
    const wait = this.lastCut + interval - Date.now();
    if (wait <= 0 && !this.sending) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, wait));
  }

  private async send(batches: Pending[]): Promise<void> {
    try {
      for (const batch of batches) {
        const over = this.overBudget(batch.stage);
        const stdout = over ? trickleOf(batch.stdout, this.budget) : batch.stdout;
        const stderr = over ? trickleOf(batch.stderr, this.budget) : batch.stderr;
        const dropped = { stdout: droppedOf(stdout), stderr: droppedOf(stderr) };
        const text = { stdout: tailLines(stdout), stderr: tailLines(stderr) };
        await this.append({
          stage: batch.stage,
          ...text,
          ts: Date.now(),
          ...(dropped.stdout || dropped.stderr ? { dropped } : {}),
        });
        const size = stdout.bytes + stderr.bytes;
        this.stored.set(batch.stage, (this.stored.get(batch.stage) ?? 0) + size);
      }
    } catch (error) {
      // Kept for the stage's log to throw (settle): the execution then fails saying why.
      this.failure ??= error;
    }
  }
}

/** Only the batch's last lines within the budget's caps, the rest counted as dropped. */
function trickleOf(tail: OutputTail, budget: StoredBudget): OutputTail {
  const kept = appendTail(emptyTail(), tail.lines, {
    ...OUTPUT_CAPS,
    lines: budget.lines,
    bytes: budget.batchBytes,
  });
  return {
    ...kept,
    droppedLines: tail.droppedLines + kept.droppedLines,
    droppedBytes: tail.droppedBytes + kept.droppedBytes,
  };
}

/** What a stream of a batch lost past the caps: said beside its text, not as a line in it. */
function droppedOf(tail: OutputTail) {
  return tail.droppedLines ? { lines: tail.droppedLines, bytes: tail.droppedBytes } : undefined;
}
