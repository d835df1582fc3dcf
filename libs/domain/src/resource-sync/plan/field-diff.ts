import { deepEqual } from '../../shared/diff';
import { valueAt } from './secret-paths';
import type { FieldDiff } from './types';

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Path order: segment by segment, as each level's keys sort (`Array.prototype.sort`'s). */
function byPath(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** Collects into `found`; `at` is the path so far, one array grown and shrunk as the walk goes. */
function walk(current: unknown, proposed: unknown, at: string[], found: string[][]): void {
  if (!isPlain(current) || !isPlain(proposed)) {
    if (!deepEqual(current, proposed)) found.push(at.slice());
    return;
  }
  // Most leaves are the same value: the walk only goes down where they may differ.
  for (const key of Object.keys(current)) {
    if (current[key] === proposed[key]) continue;
    at.push(key);
    walk(current[key], proposed[key], at, found);
    at.pop();
  }
  for (const key of Object.keys(proposed)) {
    if (Object.hasOwn(current, key) || current[key] === proposed[key]) continue;
    at.push(key);
    walk(current[key], proposed[key], at, found);
    at.pop();
  }
}

/**
 * The paths at which two values differ: objects are walked key by key, anything else is a leaf,
 * arrays included (an env list or a stage list changes as a whole). The paths come in sorted
 * order (keys sorted at each level), so the result does not depend on how either side was
 * written; sorting the few paths found costs less than sorting every object's keys.
 */
export function differingPaths(current: unknown, proposed: unknown): string[][] {
  const found: string[][] = [];
  walk(current, proposed, [], found);
  return found.length > 1 ? found.sort(byPath) : found;
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
