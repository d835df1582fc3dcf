/**
 * What a stage keeps of one stream of its output (stdout or stderr): the tail, within caps.
 * A stage that prints more loses its head, and one line at the top says how much went.
 */
export interface OutputTail {
  lines: string[];
  /** UTF-8 bytes of `lines` (each counted with its newline). */
  bytes: number;
  droppedLines: number;
  droppedBytes: number;
}

export interface OutputCaps {
  /** Lines kept per stream of a stage. */
  lines: number;
  /** UTF-8 bytes kept per stream of a stage. */
  bytes: number;
  /** A longer line is cut to this many characters. */
  lineLength: number;
}

export const OUTPUT_CAPS: OutputCaps = { lines: 5_000, bytes: 512 * 1024, lineLength: 8_192 };

export const emptyTail = (): OutputTail => ({
  lines: [],
  bytes: 0,
  droppedLines: 0,
  droppedBytes: 0,
});

/** The whole lines of a text (a last line without its newline counts as one). */
export function splitLines(text: string): string[] {
  if (!text) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `tail` with `lines` after it, the head dropped past the caps. Pure: `tail` is not changed. */
export function appendTail(
  tail: OutputTail,
  lines: string[],
  caps: OutputCaps = OUTPUT_CAPS,
): OutputTail {
  if (!lines.length) return tail;
  // Only the last `caps.lines` of what comes can be kept: the rest is counted, never copied.
  const skipped = Math.max(0, lines.length - caps.lines);
  let droppedLines = tail.droppedLines + skipped;
  let droppedBytes = tail.droppedBytes;
  for (let i = 0; i < skipped; i++) droppedBytes += lineBytes(lines[i]);
  const kept = [...tail.lines, ...lines.slice(skipped).map((line) => cut(line, caps))];
  let bytes = tail.bytes;
  for (let i = tail.lines.length; i < kept.length; i++) bytes += lineBytes(kept[i]);
  let first = 0;
  while (kept.length - first > caps.lines || (bytes > caps.bytes && first < kept.length)) {
    const size = lineBytes(kept[first++]);
    bytes -= size;
    droppedBytes += size;
    droppedLines++;
  }
  return { lines: first ? kept.slice(first) : kept, bytes, droppedLines, droppedBytes };
}

/** How much of a stream's head a batch of output lost before its lines. */
export interface OutputDropped {
  lines: number;
  bytes: number;
}

/**
 * `tail` with a batch's `lines` after it. A batch that lost its head (`dropped`) does not follow
 * what `tail` holds: what was shown is counted as dropped too, so the note at the top stays true
 * and no gap hides inside the text.
 */
export function appendBatch(
  tail: OutputTail,
  lines: string[],
  dropped?: OutputDropped,
  caps: OutputCaps = OUTPUT_CAPS,
): OutputTail {
  if (!dropped?.lines) return appendTail(tail, lines, caps);
  const gap: OutputTail = {
    lines: [],
    bytes: 0,
    droppedLines: tail.droppedLines + tail.lines.length + dropped.lines,
    droppedBytes: tail.droppedBytes + tail.bytes + dropped.bytes,
  };
  return appendTail(gap, lines, caps);
}

/** The tail's lines alone, each with its newline: the text of a batch. */
export function tailLines(tail: OutputTail): string {
  return tail.lines.map((line) => `${line}\n`).join('');
}

/** The tail as a log's text: the note on what was dropped first, each line with its newline. */
export function renderTail(tail: OutputTail): string {
  const note = tail.droppedLines
    ? `[… ${tail.droppedLines} earlier lines (${tail.droppedBytes} bytes) dropped: only the last ` +
      `${tail.lines.length} are kept …]\n`
    : '';
  return note + tailLines(tail);
}

/** A whole text bounded as a stage's streamed output is: a final log is the same text. */
export function boundOutput(text: string, caps: OutputCaps = OUTPUT_CAPS): string {
  const lines = splitLines(text);
  const tail = appendTail(emptyTail(), lines, caps);
  // Text within the caps stays as it was (a last line without its newline keeps it so).
  const unchanged = !tail.droppedLines && tail.lines.every((line, i) => line === lines[i]);
  return unchanged ? text : renderTail(tail);
}

function cut(line: string, caps: OutputCaps): string {
  return line.length > caps.lineLength ? `${line.slice(0, caps.lineLength)} [… line cut]` : line;
}

/** UTF-8 length of a line and its newline, counted without allocating. */
function lineBytes(line: string): number {
  let bytes = 1;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
