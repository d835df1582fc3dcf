import type { StoredEvent } from '../../port';
import { frozenEvent, type EventRow } from './sqlite-rows';

/** How many rows are kept: more than subscriptions fall behind by while the process is busy. */
const KEPT = 4096;
/**
 * And how many bytes of their data and metadata at most (a decoded row holds about as much
 * again): large events would otherwise keep hundreds of megabytes alive.
 */
const KEPT_BYTES = 8 * 1024 * 1024;

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
  private bytes = 0;

  /** Rows just committed, in position order. */
  add(appended: EventRow[]): void {
    const last = this.kept.at(-1);
    if (last && appended.length && appended[0][0] !== last.row[0] + 1) this.clear();
    for (const row of appended) {
      this.kept.push({ row });
      this.bytes += sizeOf(row);
    }
    // Bytes trimmed past a quarter over: what is held of large events stays near KEPT_BYTES.
    if (this.kept.length > 2 * KEPT || this.bytes > KEPT_BYTES + KEPT_BYTES / 4) this.trim();
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
    this.bytes = 0;
  }

  /** Down to the last KEPT rows within KEPT_BYTES (the last row always stays). */
  private trim(): void {
    let from = Math.max(0, this.kept.length - KEPT);
    let bytes = 0;
    for (let i = from; i < this.kept.length; i++) bytes += sizeOf(this.kept[i].row);
    while (bytes > KEPT_BYTES && from < this.kept.length - 1)
      bytes -= sizeOf(this.kept[from++].row);
    this.kept = this.kept.slice(from);
    this.bytes = bytes;
  }
}

const sizeOf = (row: EventRow) => row[5].length + row[6].length;
