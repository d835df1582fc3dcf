import { type ResourceKind, deepFreeze } from '@monitor/domain';
import { type CheckedConfig, checkConfig } from './config-check';
import type { EntryLines } from './entry-lines';
import { isTable } from './is-table';

/*
 * Checking a config (class-validator, the domain's rules) is most of what reading costs, and a
 * sync reads the same files on every poll: a check is a pure function of the kind, the name and
 * the config as written, so its answer is kept for the next read.
 */

const MAX_ENTRIES = 5000;
const checked = new Map<string, CheckedConfig>();

/** A TOML date or a non-finite number: JSON would write it as a string or `null`, as another value. */
export function hasNonJson(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonJson);
  return isTable(value) && Object.values(value).some(hasNonJson);
}

/** The config as written; none for one JSON cannot tell apart (checked each time, rarely met). */
function keyOf(kind: ResourceKind, name: string, raw: Record<string, unknown>): string | undefined {
  if (hasNonJson(raw)) return undefined;
  return `${kind}\u0000${name}\u0000${JSON.stringify(raw)}`;
}

/** checkConfig, remembered (frozen: shared with every later read); the lines of renamed aliases follow their rename. */
export function checkDeclaredConfig(
  kind: ResourceKind,
  name: string,
  raw: Record<string, unknown>,
  lines: EntryLines,
): Omit<CheckedConfig, 'renames'> {
  const key = keyOf(kind, name, raw);
  let result = key === undefined ? undefined : checked.get(key);
  if (result) checked.delete(key as string);
  else result = deepFreeze(checkConfig(kind, name, raw));
  if (key !== undefined) {
    // Oldest first: what has not been read for longest goes when full.
    checked.set(key, result);
    if (checked.size > MAX_ENTRIES) checked.delete(checked.keys().next().value as string);
  }
  for (const { from, to } of result.renames) lines.rename(`config.${from}`, `config.${to}`);
  return {
    ...(result.config && { config: result.config }),
    problems: [...result.problems],
  };
}
