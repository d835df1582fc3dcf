import fc from 'fast-check';
import { type OrderNode, orderNodes } from './kahn-order';

/** The order as first written: each time, scan from the start for the first node free to go. */
function reference(nodes: OrderNode[]): string[] {
  const within = new Set(nodes.map((n) => n.key));
  const before = (n: OrderNode) => [...n.requires, ...n.follows].filter((k) => within.has(k));
  const byRank = [...nodes].sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
  const done = new Set<string>();
  while (done.size < nodes.length) {
    const next =
      byRank.find((n) => !done.has(n.key) && before(n).every((k) => done.has(k))) ??
      byRank.find((n) => !done.has(n.key));
    done.add((next as OrderNode).key);
  }
  return [...done];
}

const KEYS = ['Server:b', 'Server:a', 'Stack:a', 'Stack:B', 'Build:é', 'Build:e', 'Repo:x'];

/** Nodes with distinct keys, each naming any others (cycles included) or keys outside. */
const nodes = fc.subarray(KEYS, { minLength: 1 }).chain((keys) =>
  fc.tuple(
    ...keys.map((key) =>
      fc.record({
        key: fc.constant(key),
        rank: fc.integer({ min: -2, max: 2 }),
        requires: fc.subarray([...KEYS, 'Deployment:gone']).map((k) => new Set(k)),
        follows: fc.subarray(KEYS).map((k) => new Set(k)),
      }),
    ),
  ),
);

describe('orderNodes', () => {
  it('given nodes naming each other, when ordered, then the first free node in rank and key order goes each time, a cycle broken by that order', () => {
    fc.assert(
      fc.property(nodes, (given) => {
        expect(orderNodes(given).map((n) => n.key)).toEqual(reference(given));
      }),
      { numRuns: 1000 },
    );
  });

  it('given a chain against rank order, when ordered, then each follows what it needs', () => {
    const node = (key: string, rank: number, requires: string[]) => ({
      key,
      rank,
      requires: new Set(requires),
      follows: new Set<string>(),
    });
    const ordered = orderNodes([node('a', 0, ['b']), node('b', 1, ['c']), node('c', 2, [])]);
    expect(ordered.map((n) => n.key)).toEqual(['c', 'b', 'a']);
  });
});
