import type { EventRow } from './sqlite-rows';

/** How many rows are kept: more than subscriptions fall behind by while the process is busy. */
const KEPT = 4096;

/**
 * The rows this store appended last, as the database holds them, their positions without a
 * gap: a subscription woken by an append reads them here rather than querying the file once
 * per subscription. Rows, not decoded events: each reader decodes its own copy, as a query
 * would give it. Another process's append leaves a gap, which empties them: what is not here
 * is read from the file.
 */
export class RecentRows {
  private rows: EventRow[] = [];

  /** Rows just committed, in position order. */
  add(appended: EventRow[]): void {
    const last = this.rows.at(-1);
    if (last && appended.length && appended[0][0] !== last[0] + 1) this.rows = [];
    this.rows.push(...appended);
    if (this.rows.length > 2 * KEPT) this.rows = this.rows.slice(-KEPT);
  }

  /**
   * Up to `limit` rows after the position (all of them when negative), when they are here; a
   * query could give more after them, written by another process, which its next look finds.
   * Undefined when a query is needed.
   */
  after(position: number, limit: number): EventRow[] | undefined {
    const first = this.rows[0]?.[0];
    if (first === undefined || position < first - 1 || position >= this.rows.at(-1)![0])
      return undefined;
    const from = position + 1 - first;
    return this.rows.slice(from, limit < 0 ? undefined : from + limit);
  }

  clear(): void {
    this.rows = [];
  }
}
