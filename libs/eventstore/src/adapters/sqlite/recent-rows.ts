import type { StoredEvent } from '../../port';
import { frozenEvent, type EventRow } from './sqlite-rows';

/** How many rows are kept: more than subscriptions fall behind by while the process is busy. */
const KEPT = 4096;

interface Kept {
  row: EventRow;
  /** The row decoded, once its first reader asked for it. */
  event?: StoredEvent;
}

/**
 * The rows this store appended last, as the database holds them, their positions without a
 * gap: a subscription woken by an append reads them here rather than querying the file once
 * per subscription. Each row is decoded once, by its first reader, and every other subscription
 * is handed the same frozen event (a store's followers each parsed every event's JSON). Another
 * process's append leaves a gap, which empties them: what is not here is read from the file.
 */
export class RecentRows {
  private kept: Kept[] = [];

  /** Rows just committed, in position order. */
  add(appended: EventRow[]): void {
    const last = this.kept.at(-1);
    if (last && appended.length && appended[0][0] !== last.row[0] + 1) this.kept = [];
    for (const row of appended) this.kept.push({ row });
    if (this.kept.length > 2 * KEPT) this.kept = this.kept.slice(-KEPT);
  }

  /**
   * Up to `limit` events after the position (all of them when negative), when their rows are
   * here; a query could give more after them, written by another process, which its next look
   * finds. Undefined when a query is needed.
   */
  after(position: number, limit: number): StoredEvent[] | undefined {
    const first = this.kept[0]?.row[0];
    if (first === undefined || position < first - 1 || position >= this.kept.at(-1)!.row[0])
      return undefined;
    const from = position + 1 - first;
    const kept = this.kept.slice(from, limit < 0 ? undefined : from + limit);
    return kept.map((x) => (x.event ??= frozenEvent(x.row)));
  }

  clear(): void {
    this.kept = [];
  }
}
