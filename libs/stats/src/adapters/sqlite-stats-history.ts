import Database from 'better-sqlite3';
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

export interface SqliteStatsHistoryOptions {
  /** Records older than this are pruned. */
  retentionMs: number;
  /** How often pruning runs (it also runs once at open); 0 turns the timer off. Default 10 min. */
  pruneIntervalMs?: number;
  /** Rows deleted per step of a prune, between which other work gets a turn. Default 5000. */
  pruneChunk?: number;
  /** The clock for pages and retention; default `Date.now`. */
  now?: () => number;
  /** Told about a failed timed prune (the next one tries again); default: ignored. */
  onPruneError?: (error: unknown) => void;
}

// A rowid table: rows carry a few hundred bytes of JSON, too wide for a WITHOUT ROWID b-tree.
// (server_id, ts) serves queries and makes a repeated record a no-op; (ts) serves pruning.
const schema = `
  CREATE TABLE IF NOT EXISTS stats (
    id INTEGER PRIMARY KEY,
    server_id TEXT NOT NULL,
    ts INTEGER NOT NULL,
    record TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS stats_server_ts ON stats (server_id, ts);
  CREATE INDEX IF NOT EXISTS stats_ts ON stats (ts);
`;

/** Stats history in its own SQLite file, apart from the events: it is pruned, they are not. */
export class SqliteStatsHistory implements StatsHistory {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly insertMany: (rows: ServerStatsRecord[]) => void;
  private pruning: Promise<number> | undefined;

  constructor(
    path: string,
    private readonly options: SqliteStatsHistoryOptions,
  ) {
    if (!(options.retentionMs > 0)) {
      throw new RangeError('retentionMs: must be more than 0');
    }
    this.now = options.now ?? Date.now;
    this.db = new Database(path, { timeout: 5000 });
    try {
      this.db.pragma('journal_mode = WAL');
      // Losing the last second of stats to a power cut is fine; an fsync per tick is not needed.
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(schema);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = prepare(this.db);
    const insert = this.statements.insert;
    this.insertMany = this.db.transaction((rows: ServerStatsRecord[]) => {
      for (const { serverId, record } of rows) {
        insert.run(serverId, record.ts, JSON.stringify(record));
      }
    });
    const interval = options.pruneIntervalMs ?? 10 * 60_000;
    if (interval > 0) {
      this.timer = setInterval(() => this.pruneExpired(), interval).unref();
      setImmediate(() => this.pruneExpired());
    }
  }

  async record(serverId: string, record: SystemStatsRecord): Promise<void> {
    this.assertOpen();
    this.insertMany([{ serverId, record: normalizeRecord(serverId, record) }]);
  }

  async recordMany(records: ServerStatsRecord[]): Promise<void> {
    this.assertOpen();
    this.insertMany(normalizeMany(records));
  }

  async query(serverId: string, query: StatsQuery): Promise<StatsPage> {
    this.assertOpen();
    const window = pageWindow(query, this.now());
    const rows = this.statements.range.all(serverId, window.start, window.end);
    const records = rows.map((row) => JSON.parse(row) as SystemStatsRecord);
    const olderExist = this.statements.older.get(serverId, window.start) !== undefined;
    return toPage(serverId, window, records, olderExist);
  }

  /**
   * Deletes in chunks, yielding between them: one DELETE of a day of 500 servers would hold the
   * write lock (and this thread) for seconds. Concurrent calls share one run.
   */
  async prune(olderThanTs: number): Promise<number> {
    this.assertOpen();
    const previous = this.pruning ?? Promise.resolve(0);
    const run = previous.catch(() => 0).then(() => this.pruneChunks(olderThanTs));
    this.pruning = run;
    try {
      return await run;
    } finally {
      if (this.pruning === run) this.pruning = undefined;
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    clearInterval(this.timer);
    await this.pruning?.catch(() => undefined);
    this.db.close();
  }

  private async pruneChunks(olderThanTs: number): Promise<number> {
    const chunk = this.options.pruneChunk ?? 5000;
    let removed = 0;
    while (this.db.open) {
      const { changes } = this.statements.pruneChunk.run(olderThanTs, chunk);
      removed += changes;
      if (changes < chunk) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return removed;
  }

  private pruneExpired(): void {
    if (!this.db.open) return;
    this.prune(this.now() - this.options.retentionMs).catch((error: unknown) =>
      this.options.onPruneError?.(error),
    );
  }

  private assertOpen(): void {
    if (!this.db.open) throw new StatsError('STATS_CLOSED', 'the stats history is closed');
  }
}

/** Prepared once at open: no SQL parsing per call. */
function prepare(db: Database.Database) {
  return {
    insert: db.prepare<[string, number, string]>(
      'INSERT OR IGNORE INTO stats (server_id, ts, record) VALUES (?, ?, ?)',
    ),
    range: db
      .prepare<[string, number, number], string>(
        'SELECT record FROM stats WHERE server_id = ? AND ts >= ? AND ts < ? ORDER BY ts',
      )
      .pluck(),
    older: db
      .prepare<[string, number], number>(
        'SELECT 1 FROM stats WHERE server_id = ? AND ts < ? LIMIT 1',
      )
      .pluck(),
    pruneChunk: db.prepare<[number, number]>(
      'DELETE FROM stats WHERE id IN (SELECT id FROM stats WHERE ts < ? ORDER BY ts LIMIT ?)',
    ),
  };
}
