import { type ResourceKind, deepFreeze } from '@monitor/domain';
import { type CheckedConfig, checkConfig } from './config-check';
import type { EntryLines } from './entry-lines';
import { isTable } from './is-table';

/*
 * Checking a config (class-validator, the domain's rules) is most of what reading costs, and a
 * sync reads the same files on every poll: a check is a pure function of the kind, the name and
 * the config as written, so its answer is kept for the next read.
 */

/**
 * Two generations, each of at most MAX_ENTRIES / 2: a check read again moves to the newer, and
 * when it is full the older goes whole (no scan past deleted entries for the oldest one).
 */
const MAX_ENTRIES = 5000;
let newer = new Map<string, CheckedConfig>();
let older = new Map<string, CheckedConfig>();

function remembered(key: string): CheckedConfig | undefined {
  return newer.get(key) ?? older.get(key);
}

function remember(key: string, result: CheckedConfig): void {
  if (newer.has(key)) return;
  if (newer.size >= MAX_ENTRIES / 2) {
    older = newer;
    newer = new Map();
  }
  newer.set(key, result);
}

/** A TOML date or a non-finite number: JSON would write it as a string or `null`, as another value. */
function hasNonJson(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonJson);
  return isTable(value) && Object.values(value).some(hasNonJson);
}

/**
 * A TOML date writes as a JSON string of digits (`"1979-05-27`, `"07:32:00`) and inf or nan as
 * `null`: only a text holding either needs the walk telling them from what JSON writes alike.
 */
const MAY_HIDE_NON_JSON = /null|"\d\d(?:\d\d-\d\d-\d\d|:\d\d:\d\d)/;

/** A TOML value as JSON; none for one JSON cannot tell apart (a date, inf or nan: rarely met). */
export function exactJson(value: unknown): string | undefined {
  const json = JSON.stringify(value);
  return MAY_HIDE_NON_JSON.test(json) && hasNonJson(value) ? undefined : json;
}

/** The config as written; none for one JSON cannot tell apart (checked each time). */
function keyOf(kind: ResourceKind, name: string, raw: Record<string, unknown>): string | undefined {
  const json = exactJson(raw);
  return json === undefined ? undefined : `${kind}\u0000${name}\u0000${json}`;
}

/** checkConfig, remembered (frozen: shared with every later read); the lines of renamed aliases follow their rename. */
export function checkDeclaredConfig(
  kind: ResourceKind,
  name: string,
  raw: Record<string, unknown>,
  lines: EntryLines,
): Omit<CheckedConfig, 'renames'> {
  const key = keyOf(kind, name, raw);
  const found = key === undefined ? undefined : remembered(key);
  const result = found ?? deepFreeze(checkConfig(kind, name, raw));
  if (key !== undefined) remember(key, result);
  for (const { from, to } of result.renames) lines.rename(`config.${from}`, `config.${to}`);
  return {
    ...(result.config && { config: result.config }),
    problems: [...result.problems],
    ...(result.needsStored && { needsStored: result.needsStored }),
  };
}
