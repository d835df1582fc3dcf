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

/**
 * How often a streamed answer that prints nothing says it is still alive: well under the core's
 * shortest wait for the next frame (8 s; a stage's is minutes) and any proxy's read timeout, so a
 * silent step (`RUN sleep 600`, a slow pull) is not taken for a dead agent.
 */
export const KEEP_ALIVE_MS = 5_000;

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
 * the work prints, `{ keepalive: true }` every `keepAliveMs` once the work runs, then exactly one
 * `{ answer }` or `{ error }`. The status line goes with the first frame: a request refused or
 * done before it is answered as a single JSON body, its refusals with their own status, as
 * callers that did not ask for a stream get.
 */
export class StreamedAnswer {
  private started = false;
  private keepAlive?: ReturnType<typeof setInterval>;

  constructor(
    private readonly res: ServerResponse,
    private readonly keepAliveMs = KEEP_ALIVE_MS,
  ) {
    res.once('close', () => clearInterval(this.keepAlive));
  }

  get streaming(): boolean {
    return this.started;
  }

  readonly output = (frame: OutputFrame): void => this.send({ output: frame });

  /** Runs the request's work with its output streamed and the stream kept alive meanwhile. */
  run<T>(work: () => Promise<T>): Promise<T> {
    this.keepAlive ??= setInterval(() => this.send({ keepalive: true }), this.keepAliveMs);
    return withOutput(this.output, work).finally(() => clearInterval(this.keepAlive));
  }

  end(last: { answer: unknown } | { error: unknown }): void {
    clearInterval(this.keepAlive);
    this.res.end(`${JSON.stringify(last)}\n`);
  }

  private send(frame: { output: OutputFrame } | { keepalive: true }): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    if (!this.started) {
      this.started = true;
      this.res.writeHead(200, { 'content-type': `${NDJSON}; charset=utf-8` });
    }
    this.res.write(`${JSON.stringify(frame)}\n`);
  }
}
