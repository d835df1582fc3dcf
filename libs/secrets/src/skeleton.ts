/**
 * A value printed with separators between its characters (`sed 's/./&-/g'`, `fold -w1`, one
 * character per line) is found by its skeleton: its ASCII letters and digits (and any non-ASCII
 * character) in order, looked for in the text's skeleton. Up to MAX_GAP separators in a row are
 * looked through; a longer run breaks the skeleton, so that a match never spans more than four
 * characters of text per character of the value, which bounds what a stream must hold back and
 * keeps words far apart from joining into a value.
 */
export const MAX_GAP = 3;

/** A unit that is not in any skeleton: it stands for a run of separators too long to skip. */
const BREAK = '\u0000';

function isSeparator(unit: number): boolean {
  const digit = unit >= 48 && unit <= 57;
  const letter = (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
  return unit < 128 && !digit && !letter;
}

/** `value`'s letters, digits and non-ASCII characters, in order. */
export function skeletonOf(value: string): string {
  let skeleton = '';
  for (let i = 0; i < value.length; i += 1) {
    if (!isSeparator(value.charCodeAt(i))) skeleton += value[i];
  }
  return skeleton;
}

/** `text`'s skeleton, and where each of its units stands in `text`. */
export function skeletonWithOffsets(text: string): { skeleton: string; at: Uint32Array } {
  const at = new Uint32Array(text.length);
  const units: string[] = [];
  let run = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i < text.length && isSeparator(text.charCodeAt(i))) {
      run += 1;
      continue;
    }
    if (run > MAX_GAP) {
      at[units.length] = i - run;
      units.push(BREAK);
    }
    run = 0;
    if (i < text.length) {
      at[units.length] = i;
      units.push(text[i]);
    }
  }
  return { skeleton: units.join(''), at: at.subarray(0, units.length) };
}
