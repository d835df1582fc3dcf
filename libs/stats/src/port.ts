/**
 * Server stats history: what the deployer records every poll and `GetHistoricalServerStats`
 * answers. One small port, adapters for SQLite (embedded), JetStream (distributed) and memory
 * (tests), one contract suite (`contract/`).
 */

/** Komodo's SingleDiskUsage. */
export interface DiskUsage {
  mount: string;
  file_system?: string;
  used_gb: number;
  total_gb: number;
}

/** Komodo's SystemLoadAverage. */
export interface LoadAverage {
  one: number;
  five: number;
  fifteen: number;
}

/** Komodo's SystemStatsRecord as recorded: the server is given alongside, not inside. */
export interface SystemStatsRecord {
  /** Milliseconds since the epoch. */
  ts: number;
  cpu_perc: number;
  load_average?: LoadAverage;
  mem_used_gb: number;
  mem_total_gb: number;
  disk_used_gb: number;
  disk_total_gb: number;
  disks: DiskUsage[];
  network_ingress_bytes: number;
  network_egress_bytes: number;
}

/** Komodo's SystemStatsRecord as answered, with its server id. */
export interface HistoricalStatsRecord extends SystemStatsRecord {
  sid: string;
}

export interface ServerStatsRecord {
  serverId: string;
  record: SystemStatsRecord;
}

export interface StatsQuery {
  /** A Komodo Timelength: '1-min', '5-min', '1-hr', '1-day'... (see `timelength.ts`). */
  granularity: string;
  /** 0 is the most recent page. */
  page?: number;
  /** Buckets per page; default 200, as Komodo. */
  pageSize?: number;
}

/** Komodo's GetHistoricalServerStatsResponse. */
export interface StatsPage {
  /** One averaged record per granularity bucket that has records, newest first. */
  stats: HistoricalStatsRecord[];
  /** The page to ask for next, when older records exist. */
  next_page?: number;
}

export interface StatsHistory {
  record(serverId: string, record: SystemStatsRecord): Promise<void>;
  /** A whole poll round at once: one transaction (SQLite) or one burst of publishes (NATS). */
  recordMany(records: ServerStatsRecord[]): Promise<void>;
  query(serverId: string, query: StatsQuery): Promise<StatsPage>;
  /** Removes every record older than the timestamp; answers how many went. */
  prune(olderThanTs: number): Promise<number>;
  close(): Promise<void>;
}

export type StatsErrorCode = 'INVALID_RECORD' | 'INVALID_QUERY' | 'STATS_CLOSED';

export class StatsError extends Error {
  constructor(
    readonly code: StatsErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'StatsError';
  }
}
