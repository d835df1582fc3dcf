import { type ResourceKind, deepFreeze } from '@monitor/domain';
import { type CheckedConfig, checkConfig } from './config-check';
import type { EntryLines } from './entry-lines';

/*
 * Checking a config (class-validator, the domain's rules) is most of what reading costs, and a
 * sync reads the same files on every poll: a check is a pure function of the kind, the name and
 * the config as written, so its answer is kept for the next read.
 */

const MAX_ENTRIES = 5000;
const checked = new Map<string, CheckedConfig>();

/** The config as written, dates told apart from strings (a date is refused, its text is not). */
function keyOf(kind: ResourceKind, name: string, raw: Record<string, unknown>): string {
  const text = JSON.stringify(raw, function (this: Record<string, unknown>, key, value: unknown) {
    return this[key] instanceof Date ? { date: value } : value;
  });
  return `${kind}\u0000${name}\u0000${text}`;
}

/** checkConfig, remembered (frozen: shared with every later read); the lines of renamed aliases follow their rename. */
export function checkDeclaredConfig(
  kind: ResourceKind,
  name: string,
  raw: Record<string, unknown>,
  lines: EntryLines,
): Omit<CheckedConfig, 'renames'> {
  const key = keyOf(kind, name, raw);
  let result = checked.get(key);
  if (result) checked.delete(key);
  else result = deepFreeze(checkConfig(kind, name, raw));
  // Oldest first: what has not been read for longest goes when full.
  checked.set(key, result);
  if (checked.size > MAX_ENTRIES) checked.delete(checked.keys().next().value as string);
  for (const { from, to } of result.renames) lines.rename(`config.${from}`, `config.${to}`);
  return {
    ...(result.config && { config: result.config }),
    problems: [...result.problems],
  };
}
