import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';

export type OutputStreamName = 'stdout' | 'stderr';

/** Whole lines a running command printed, each with its newline, masked. */
export interface OutputFrame {
  stage: string;
  stream: OutputStreamName;
  text: string;
}

export const NDJSON = 'application/x-ndjson';

/** Where the request being handled sends its output, when its caller asked for a stream. */
const requestOutput = new AsyncLocalStorage<(frame: OutputFrame) => void>();

/** Runs `work` with the output of every command it runs going to `emit`. */
export function withOutput<T>(emit: (frame: OutputFrame) => void, work: () => Promise<T>) {
  return requestOutput.run(emit, work);
}

/** The request's output sink, or none when its caller asked for a single JSON answer. */
export function currentOutput(): ((frame: OutputFrame) => void) | undefined {
  return requestOutput.getStore();
}

/**
 * An answer as a stream (`application/x-ndjson`, one JSON frame a line): `{ output }` frames as
 * the work prints, then exactly one `{ answer }` or `{ error }`. The status line goes with the
 * first output frame: a request that printed nothing is answered as a single JSON body, its
 * refusals with their own status, as callers that did not ask for a stream get.
 */
export class StreamedAnswer {
  private started = false;

  constructor(private readonly res: ServerResponse) {}

  get streaming(): boolean {
    return this.started;
  }

  readonly output = (frame: OutputFrame): void => {
    if (this.res.writableEnded || this.res.destroyed) return;
    if (!this.started) {
      this.started = true;
      this.res.writeHead(200, { 'content-type': `${NDJSON}; charset=utf-8` });
    }
    this.res.write(`${JSON.stringify({ output: frame })}\n`);
  };

  end(last: { answer: unknown } | { error: unknown }): void {
    this.res.end(`${JSON.stringify(last)}\n`);
  }
}
