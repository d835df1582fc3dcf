import { RE2JS } from 're2js';

/**
 * RE2's rough measure of a compiled pattern's cost; matching takes time proportional to it
 * times the name's length, so it is bounded (`\[\s\S]{1000}\` alone is about 1,000).
 */
export const MAX_PATTERN_PROGRAM_SIZE = 2_000;

/** A pattern that cannot be used: the message says why, for a 400 on the `pattern` field. */
export class PatternError extends Error {}

/**
 * Komodo's batch patterns: names, wildcards (`*` any run, `?` one character) and regular
 * expressions between backslashes (`\^api-.*$\`), several separated by commas or new lines.
 * Everything runs on RE2 (re2js), whose matching time is linear in the name's length: no
 * pattern can backtrack. What RE2 leaves out (backreferences, lookaround) is refused.
 */
export function matchesPattern(pattern: string, name: string): boolean {
  return parsePattern(pattern).some((test) => test(name));
}

export function parsePattern(pattern: string): ((name: string) => boolean)[] {
  let programSize = 0;
  return patternParts(pattern).map((part) => {
    const regex = compile(part);
    programSize += regex.programSize();
    if (programSize > MAX_PATTERN_PROGRAM_SIZE) {
      throw new PatternError(
        `too complex (RE2 program size over ${MAX_PATTERN_PROGRAM_SIZE}): use simpler expressions`,
      );
    }
    return (name: string) => regex.test(name);
  });
}

/**
 * The parts of a pattern as Komodo's `parse_string_list` reads them: lines, then commas; a line
 * starting with `#` and whatever follows ` #` on a line are comments (Komodo's own examples
 * annotate their patterns so).
 */
export function patternParts(pattern: string): string[] {
  return pattern
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => line.split(' #')[0].split(','))
    .map((part) => part.trim())
    .filter(Boolean);
}

function compile(part: string): RE2JS {
  if (part.length > 1 && part.startsWith('\\') && part.endsWith('\\')) {
    try {
      return RE2JS.compile(part.slice(1, -1));
    } catch (error) {
      throw new PatternError(
        `'${clip(part)}' is not a regular expression RE2 accepts: ${(error as Error).message}`,
      );
    }
  }
  const wildcard = part
    .split(/([*?])/)
    .map((piece) => (piece === '*' ? '.*' : piece === '?' ? '.' : piece && RE2JS.quote(piece)))
    .join('');
  return RE2JS.compile(`^${wildcard}$`);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
