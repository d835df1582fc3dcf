import { deepFreeze } from '@monitor/domain';
import { type EntryInput, type EntryReading, readEntry } from './read-entry';

/*
 * A push changes a few declarations of a file and leaves the rest as they were: an entry's
 * reading is a pure function of its input, so the last one is kept, frozen, in the entry's slot
 * (its file, table and name) beside a copy of its input, and an unchanged entry (same keys in the
 * same order, values and lines) answers the same declaration object as before. Planning keeps
 * what it found of a declaration by that object, so an unchanged one is neither checked nor
 * compared again.
 */

/** Slots kept at most: every entry of the files of a few large syncs. */
const MAX_SLOTS = 20_000;

interface Slot {
  input: Omit<EntryInput, 'file' | 'table'>;
  reading: EntryReading;
}

const slots = new Map<string, Slot>();

const NO_COPY = Symbol('no copy');

/** A copy of a TOML value as parsed; NO_COPY when it holds a date (read again each time, rarely met). */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return NO_COPY;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (const item of value) {
      const copied = copyOf(item);
      if (copied === NO_COPY) return NO_COPY;
      copy.push(copied);
    }
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = copyOf((value as Record<string, unknown>)[key]);
    // The parser refuses `__proto__`; a copy never sets a prototype either.
    if (copied === NO_COPY || key === '__proto__') return NO_COPY;
    copy[key] = copied;
  }
  return copy;
}

/** The same TOML value, keys in the same order (reading reports unknown keys in their order). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || b instanceof Date) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const at = (o: object, key: string) => (o as Record<string, unknown>)[key];
  return keysA.every((key, i) => key === keysB[i] && same(at(a, key), at(b, key)));
}

function sameLines(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, line] of a) if (b.get(path) !== line) return false;
  return true;
}

/** Whether `input` reads as the kept one: the index counts only for an entry without a name. */
function sameInput(kept: Slot['input'], input: EntryInput): boolean {
  const named = typeof input.value.name === 'string' && input.value.name !== '';
  return (
    kept.line === input.line &&
    kept.role.role === input.role.role &&
    ('kind' in kept.role ? kept.role.kind : undefined) ===
      ('kind' in input.role ? input.role.kind : undefined) &&
    (named || kept.index === input.index) &&
    sameLines(kept.lines, input.lines) &&
    same(kept.value, input.value)
  );
}

/** readEntry, remembered; the answer is frozen (shared with every later read of the entry). */
export function readEntryCached(input: EntryInput): EntryReading {
  const name = typeof input.value.name === 'string' ? input.value.name : `#${input.index}`;
  const slot = `${input.file}\u0000${input.table}\u0000${name}`;
  const kept = slots.get(slot);
  if (kept && sameInput(kept.input, input)) return kept.reading;
  // Read converts the value in place: the copy is taken first.
  const copied = copyOf(input.value);
  const reading = deepFreeze(readEntry(input));
  if (copied === NO_COPY) {
    slots.delete(slot);
    return reading;
  }
  if (!kept && slots.size >= MAX_SLOTS) slots.clear();
  const { role, index, line, lines } = input;
  const value = copied as EntryInput['value'];
  slots.set(slot, { input: { role, index, line, lines: new Map(lines), value }, reading });
  return reading;
}
