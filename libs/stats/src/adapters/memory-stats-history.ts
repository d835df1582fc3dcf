import { pageWindow, toPage } from '../downsample';
import {
  StatsError,
  type ServerStatsRecord,
  type StatsHistory,
  type StatsPage,
  type StatsQuery,
  type SystemStatsRecord,
} from '../port';
import { normalizeMany, normalizeRecord } from '../record';

export interface MemoryStatsHistoryOptions {
  /** The clock pages count back from; default `Date.now`. */
  now?: () => number;
}

/** For tests: records in memory, per server, sorted by time. */
export class MemoryStatsHistory implements StatsHistory {
  private readonly servers = new Map<string, SystemStatsRecord[]>();
  private readonly now: () => number;
  private closed = false;

  constructor(options: MemoryStatsHistoryOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async record(serverId: string, record: SystemStatsRecord): Promise<void> {
    this.assertOpen();
    this.insert(serverId, normalizeRecord(serverId, record));
  }

  async recordMany(records: ServerStatsRecord[]): Promise<void> {
    this.assertOpen();
    for (const { serverId, record } of normalizeMany(records)) this.insert(serverId, record);
  }

  async query(serverId: string, query: StatsQuery): Promise<StatsPage> {
    this.assertOpen();
    const window = pageWindow(query, this.now());
    const records = this.servers.get(serverId) ?? [];
    const olderExist = records.length > 0 && records[0].ts < window.start;
    return toPage(serverId, window, records, olderExist);
  }

  async prune(olderThanTs: number): Promise<number> {
    this.assertOpen();
    let removed = 0;
    for (const [serverId, records] of this.servers) {
      const kept = records.filter((r) => r.ts >= olderThanTs);
      removed += records.length - kept.length;
      if (kept.length > 0) this.servers.set(serverId, kept);
      else this.servers.delete(serverId);
    }
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Keeps the list sorted; a second record at the same time is ignored, as by the others. */
  private insert(serverId: string, record: SystemStatsRecord): void {
    const records = this.servers.get(serverId) ?? [];
    let at = records.length;
    while (at > 0 && records[at - 1].ts > record.ts) at--;
    if (at > 0 && records[at - 1].ts === record.ts) return;
    records.splice(at, 0, structuredClone(record));
    this.servers.set(serverId, records);
  }

  private assertOpen(): void {
    if (this.closed) throw new StatsError('STATS_CLOSED', 'the stats history is closed');
  }
}
