import { deepEqual } from '../../shared/diff';
import { valueAt } from './secret-paths';
import type { FieldDiff } from './types';

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The paths at which two values differ: objects are walked key by key (keys in sorted order, so
 * the result does not depend on how either side was written), anything else is a leaf, arrays
 * included (an env list or a stage list changes as a whole). One walk: only leaves are compared.
 */
export function differingPaths(
  current: unknown,
  proposed: unknown,
  at: string[] = [],
  found: string[][] = [],
): string[][] {
  if (!isPlain(current) || !isPlain(proposed)) {
    if (!deepEqual(current, proposed)) found.push(at);
    return found;
  }
  const keys = Object.keys(current);
  for (const key of Object.keys(proposed)) if (!Object.hasOwn(current, key)) keys.push(key);
  for (const key of keys.sort()) {
    // Most leaves are the same value: a path is only built for what may differ.
    if (current[key] !== proposed[key])
      differingPaths(current[key], proposed[key], [...at, key], found);
  }
  return found;
}

/**
 * The fields at these paths, their values read from the shown forms (secrets masked): a side
 * absent (a Create's current, a Delete's proposed, a key only one variant has) shows `null`.
 */
export function fieldsAt(
  paths: string[][],
  shown: { current: unknown; proposed: unknown },
): FieldDiff[] {
  return paths.map((path) => ({
    path: path.join('.'),
    current: valueAt(shown.current, path) ?? null,
    proposed: valueAt(shown.proposed, path) ?? null,
  }));
}

/** The fields that differ between two values, shown as `shown` has them. */
export function fieldDiffs(
  current: unknown,
  proposed: unknown,
  shown: { current: unknown; proposed: unknown },
): FieldDiff[] {
  return fieldsAt(differingPaths(current, proposed), shown);
}
