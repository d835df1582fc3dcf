import { deepFreeze } from '@monitor/domain';
import { hasNonJson } from './config-cache';
import { type EntryInput, type EntryReading, readEntry } from './read-entry';

/*
 * A push changes a few declarations of a file and leaves the rest as they were: an entry's
 * reading is a pure function of its input, so the last one is kept, frozen, in the entry's slot
 * (its file, table and name), and an unchanged entry (same keys, values and lines) answers the
 * same declaration object as before. Planning keeps what it found of a declaration by that
 * object, so an unchanged one is neither checked nor compared again.
 */

/** Slots kept at most: every entry of the files of a few large syncs. */
const MAX_SLOTS = 20_000;
const slots = new Map<string, { key: string; reading: EntryReading }>();

/**
 * A TOML date writes as a JSON string of digits (`"1979-05-27`, `"07:32:00`) and inf or nan as
 * `null`: only a key holding either needs the walk telling them from what JSON writes alike.
 */
const MAY_HIDE_NON_JSON = /null|"\d\d(?:\d\d-\d\d-\d\d|:\d\d:\d\d)/;

/** The entry's input as text; none for a value JSON cannot tell apart (a date, inf or nan). */
function keyOf(input: EntryInput): string | undefined {
  const named = typeof input.value.name === 'string' && input.value.name !== '';
  const key = JSON.stringify([
    input.role,
    // The index shows only in the problems of an entry without a name.
    named ? -1 : input.index,
    input.line,
    [...input.lines],
    input.value,
  ]);
  return MAY_HIDE_NON_JSON.test(key) && hasNonJson(input.value) ? undefined : key;
}

/** readEntry, remembered; the answer is frozen (shared with every later read of the entry). */
export function readEntryCached(input: EntryInput): EntryReading {
  const key = keyOf(input);
  if (key === undefined) return deepFreeze(readEntry(input));
  const name = typeof input.value.name === 'string' ? input.value.name : `#${input.index}`;
  const slot = `${input.file}\u0000${input.table}\u0000${name}`;
  const kept = slots.get(slot);
  if (kept?.key === key) return kept.reading;
  const reading = deepFreeze(readEntry(input));
  if (!kept && slots.size >= MAX_SLOTS) slots.clear();
  slots.set(slot, { key, reading });
  return reading;
}
