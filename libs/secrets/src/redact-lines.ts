import { maskSpans, type Redactor } from './redactor';

/**
 * Masks a log whose every line starts with a prefix that its reader added (Docker's timestamps,
 * compose's `container  | `). Such prefixes cut a multi-line secret (a PEM key, a service
 * account's JSON) into lines that are each no known value, so masking the text as it stands
 * shows them all. Secrets are looked for in the lines' text without their prefixes; one found
 * over several lines becomes a single mask after the first line's prefix, the lines it covered
 * (prefixes included) going with it. `prefix` must be anchored at the start (`^`).
 */
export function redactPrefixedLines(redactor: Redactor, text: string, prefix: RegExp): string {
  const lines = text.split('\n');
  const cut = lines.map((line) => prefix.exec(line)?.[0].length ?? 0);
  const spans = redactor.spans(lines.map((line, i) => line.slice(cut[i])).join('\n'));
  if (spans.length === 0) return text;
  // Offsets into the text without prefixes, moved back to the text: line by line, add the
  // prefixes cut up to and including that line's. Spans are sorted, so the line only advances.
  let line = 0;
  let lineEnd = lines[0].length - cut[0]; // offset of line 0's newline without prefixes
  let skipped = cut[0];
  const toText = (offset: number) => {
    while (offset > lineEnd && line < lines.length - 1) {
      line += 1;
      lineEnd += 1 + lines[line].length - cut[line];
      skipped += cut[line];
    }
    return offset + skipped;
  };
  const mapped = spans.map(([start, end]): [number, number] => [
    toText(start),
    toText(end - 1) + 1,
  ]);
  return maskSpans(text, mapped, text.length);
}

/** A log's two streams masked line by line, as `redactPrefixedLines` does. */
export function redactLogLines<T extends { stdout: string; stderr: string }>(
  redactor: Redactor,
  log: T,
  prefix: RegExp,
): T {
  return {
    ...log,
    stdout: redactPrefixedLines(redactor, log.stdout, prefix),
    stderr: redactPrefixedLines(redactor, log.stderr, prefix),
  };
}
