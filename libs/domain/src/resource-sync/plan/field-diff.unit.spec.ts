import fc from 'fast-check';
import { deepEqual } from '../../shared/diff';
import { differingPaths } from './field-diff';

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The walk as first written: each level's keys sorted before going down. */
function reference(current: unknown, proposed: unknown, at: string[] = []): string[][] {
  if (!isPlain(current) || !isPlain(proposed)) return deepEqual(current, proposed) ? [] : [at];
  const keys = new Set([...Object.keys(current), ...Object.keys(proposed)]);
  return [...keys]
    .sort()
    .flatMap((key) =>
      current[key] === proposed[key] ? [] : reference(current[key], proposed[key], [...at, key]),
    );
}

/** Configs as planning meets them: nested tables, lists, a few keys that often match. */
const key = fc.constantFrom('a', 'b', 'B', '_', 'a0', 'é', 'z.y', '10', '9');
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('', 'x', 0, 1, true, null),
    fc.array(fc.constantFrom('x', 'y', 1), { maxLength: 2 }),
    tie('table'),
  ),
  table: fc.dictionary(key, tie('any'), { maxKeys: 5 }),
})).table;

describe('differingPaths', () => {
  it('given two configs, when compared, then the paths that differ, sorted level by level', () => {
    fc.assert(
      fc.property(value, value, (current, proposed) => {
        expect(differingPaths(current, proposed)).toEqual(reference(current, proposed));
        expect(differingPaths(current, current)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('given a table beside a list or a value, when compared, then the path names it whole', () => {
    expect(differingPaths({ a: { b: 1 } }, { a: [1] })).toEqual([['a']]);
    expect(differingPaths({ b: { c: 1, a: 2 } }, { b: { c: 2, a: 3 }, a: 1 })).toEqual([
      ['a'],
      ['b', 'a'],
      ['b', 'c'],
    ]);
    expect(differingPaths('x', 'y')).toEqual([[]]);
  });
});
