import { currentOutput, type OutputStreamName } from './output-stream';

/** A longer line is cut (the core cuts to the same bound): one line never fills a frame. */
export const MAX_LINE_LENGTH = 8_192;

/**
 * Turns chunks of a program's output into whole lines for the request's stream: each chunk's
 * complete lines go out at once (masked), a partial line waits for its end, a line past the
 * bound is cut and the rest of it skipped.
 */
export class LineSplitter {
  private partial = '';
  private skipping = false;

  push(chunk: string): string[] {
    const lines: string[] = [];
    let text = this.partial + chunk;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n')) {
      if (!this.skipping) lines.push(text.slice(0, end));
      this.skipping = false;
      text = text.slice(end + 1);
    }
    if (!this.skipping && text.length > MAX_LINE_LENGTH) {
      lines.push(`${text.slice(0, MAX_LINE_LENGTH)} [… line cut]`);
      this.skipping = true;
    }
    this.partial = this.skipping ? '' : text;
    return lines;
  }

  /** The last line, when the output did not end with a newline. */
  end(): string[] {
    const rest = this.skipping || !this.partial ? [] : [this.partial];
    this.partial = '';
    this.skipping = false;
    return rest;
  }
}

export interface LiveLines {
  write(chunk: string): void;
  end(): void;
}

/**
 * One stream of a stage's output sent live to the caller, when it asked for a stream; nothing
 * (and no work) otherwise. `mask` replaces the secrets the agent knows of before a line leaves.
 */
export function liveLines(
  stage: string,
  stream: OutputStreamName,
  mask: (text: string) => string = (text) => text,
): LiveLines | undefined {
  const emit = currentOutput();
  if (!emit) return undefined;
  const splitter = new LineSplitter();
  const send = (lines: string[]) => {
    if (lines.length) emit({ stage, stream, text: lines.map((l) => `${mask(l)}\n`).join('') });
  };
  return { write: (chunk) => send(splitter.push(chunk)), end: () => send(splitter.end()) };
}
