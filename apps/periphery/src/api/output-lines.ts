import { currentOutput, type OutputStreamName } from './output-stream';

/** A longer line is cut (the core cuts to the same bound): one line never fills a frame. */
export const MAX_LINE_LENGTH = 8_192;

/**
 * How much of a long line past the cut is masked with it: a secret up to this long that starts
 * before the cut is masked whole, not cut in two halves that no longer match it.
 */
export const MASK_WINDOW = 8_192;

const CUT_MARK = ' [… line cut]';

/**
 * Turns chunks of a program's output into whole lines for the request's stream: each chunk's
 * complete lines go out at once, masked, a partial line waits for its end; a line past the bound
 * is masked over the window beyond it, then cut, and the rest of it skipped.
 */
export class LineSplitter {
  private partial = '';
  private skipping = false;

  constructor(private readonly mask: (text: string) => string = (text) => text) {}

  push(chunk: string): string[] {
    const lines: string[] = [];
    let text = this.partial + chunk;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n')) {
      if (!this.skipping) lines.push(this.bounded(text.slice(0, end)));
      this.skipping = false;
      text = text.slice(end + 1);
    }
    if (!this.skipping && text.length > MAX_LINE_LENGTH + MASK_WINDOW) {
      lines.push(this.bounded(text));
      this.skipping = true;
    }
    this.partial = this.skipping ? '' : text;
    return lines;
  }

  /** The last line, when the output did not end with a newline. */
  end(): string[] {
    const rest = this.skipping || !this.partial ? [] : [this.bounded(this.partial)];
    this.partial = '';
    this.skipping = false;
    return rest;
  }

  /** The line masked, then cut: the mask sees past the cut, so no secret shows a part of it. */
  private bounded(line: string): string {
    const window = MAX_LINE_LENGTH + MASK_WINDOW;
    const masked = this.mask(line.slice(0, window));
    if (masked.length <= MAX_LINE_LENGTH && line.length <= window) return masked;
    return `${masked.slice(0, MAX_LINE_LENGTH)}${CUT_MARK}`;
  }
}

export interface LiveLines {
  write(chunk: string): void;
  end(): void;
}

/**
 * One stream of a stage's output sent live to the caller, when it asked for a stream; nothing
 * (and no work) otherwise. `mask` replaces the secrets the agent knows of before a line is cut
 * and leaves.
 */
export function liveLines(
  stage: string,
  stream: OutputStreamName,
  mask: (text: string) => string = (text) => text,
): LiveLines | undefined {
  const emit = currentOutput();
  if (!emit) return undefined;
  const splitter = new LineSplitter(mask);
  const send = (lines: string[]) => {
    if (lines.length) emit({ stage, stream, text: lines.map((l) => `${l}\n`).join('') });
  };
  return { write: (chunk) => send(splitter.push(chunk)), end: () => send(splitter.end()) };
}
