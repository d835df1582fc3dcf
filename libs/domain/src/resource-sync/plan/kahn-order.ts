import { MinHeap } from './min-heap';

export interface OrderNode {
  key: string;
  rank: number;
  /** Must come first and, failing, skip this one. */
  requires: Set<string>;
  /** Must only come first. */
  follows: Set<string>;
}

/**
 * Kahn's order, ties broken by rank then key so that the same plan always lists the same
 * order: each time, the first node in that order whose prerequisites are all placed. A cycle
 * (the reader refuses them) would leave nodes waiting: the first of them in order goes next.
 */
export function orderNodes(nodes: OrderNode[]): OrderNode[] {
  const byRank = [...nodes].sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
  const place = new Map(byRank.map((n, i) => [n.key, i]));
  const waiting = byRank.map(() => 0);
  const unblocks = byRank.map((): number[] => []);
  byRank.forEach((n, i) => {
    for (const key of new Set([...n.requires, ...n.follows])) {
      const first = place.get(key);
      if (first === undefined) continue;
      waiting[i]++;
      unblocks[first].push(i);
    }
  });
  const ready = new MinHeap();
  waiting.forEach((count, i) => count === 0 && ready.push(i));
  const done = byRank.map(() => false);
  const out: OrderNode[] = [];
  let next = 0;
  while (out.length < byRank.length) {
    // Only nodes not yet placed are ever made ready.
    let i = ready.pop();
    if (i === undefined) {
      while (done[next]) next++;
      i = next;
    }
    done[i] = true;
    out.push(byRank[i]);
    for (const j of unblocks[i]) if (--waiting[j] === 0 && !done[j]) ready.push(j);
  }
  return out;
}
