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
export function differingPaths(current: unknown, proposed: unknown, at: string[] = []): string[][] {
  if (!isPlain(current) || !isPlain(proposed)) return deepEqual(current, proposed) ? [] : [at];
  const keys = [...new Set([...Object.keys(current), ...Object.keys(proposed)])].sort();
  return keys.flatMap((key) => differingPaths(current[key], proposed[key], [...at, key]));
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
