import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
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
import { arrivalOf, readRange, subjectToken } from './jetstream-read';
import { ensureStatsStream } from './jetstream-stream';

export interface JetStreamStatsHistoryOptions {
  /** Default `MONITOR_STATS`. */
  stream?: string;
  /** Subjects are `<prefix>.<server id>`. Default `monitor.stats`. */
  prefix?: string;
  /** Retention: the stream's `max_age`, so NATS expires old records itself. */
  maxAgeMs: number;
  /**
   * How far a record's `ts` may be from the time NATS stored it. Reads pick messages by arrival
   * time and then filter on `ts`, so a record further off than this can be missed. Default 5 min.
   */
  skewMs?: number;
  /** The clock pages count back from; default `Date.now`. */
  now?: () => number;
}

/** Publishes in flight at once: enough for a 500-server tick in one burst. */
const IN_FLIGHT = 1000;

/** Stats history on NATS JetStream: one stream, one subject per server, one message per record. */
export class JetStreamStatsHistory implements StatsHistory {
  private closed = false;

  private constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: string,
    private readonly prefix: string,
    private readonly skewMs: number,
    private readonly now: () => number,
  ) {}

  /** On a connection the caller keeps and closes. Creates the stream, or sets its max_age. */
  static async open(
    connection: NatsConnection,
    options: JetStreamStatsHistoryOptions,
  ): Promise<JetStreamStatsHistory> {
    if (!(options.maxAgeMs > 0)) throw new RangeError('maxAgeMs: must be more than 0');
    const stream = options.stream ?? 'MONITOR_STATS';
    const prefix = options.prefix ?? 'monitor.stats';
    const jsm = await jetstreamManager(connection);
    await ensureStatsStream(jsm, stream, `${prefix}.>`, options.maxAgeMs);
    const { skewMs = 5 * 60_000, now = Date.now } = options;
    return new JetStreamStatsHistory(jetstream(connection), jsm, stream, prefix, skewMs, now);
  }

  async record(serverId: string, record: SystemStatsRecord): Promise<void> {
    this.assertOpen();
    await this.publish([{ serverId, record: normalizeRecord(serverId, record) }]);
  }

  async recordMany(records: ServerStatsRecord[]): Promise<void> {
    this.assertOpen();
    const normalized = normalizeMany(records);
    for (let i = 0; i < normalized.length; i += IN_FLIGHT) {
      await this.publish(normalized.slice(i, i + IN_FLIGHT));
    }
  }

  async query(serverId: string, query: StatsQuery): Promise<StatsPage> {
    this.assertOpen();
    const window = pageWindow(query, this.now());
    const subject = this.subjectOf(serverId);
    // Not `last_by_subj`: nats-server 2.9 loses it once the subject's last message is deleted.
    const range = { stream: this.stream, filter: subject };
    // Older records exist if one is found before arrivals pass the window's start (+ skew).
    let olderExist = false;
    await readRange(this.js, { ...range, from: 'first' }, (message) => {
      if (message.json<SystemStatsRecord>().ts < window.start) olderExist = true;
      return !olderExist && arrivalOf(message) <= window.start + this.skewMs;
    });
    // Keyed by ts, first kept: `Nats-Msg-Id` only de-duplicates within its window (2 min).
    const records = new Map<number, SystemStatsRecord>();
    const from = window.start - this.skewMs;
    const until = window.end + this.skewMs;
    await readRange(this.js, { ...range, from: { time: from } }, (message) => {
      if (arrivalOf(message) > until) return false;
      const record = message.json<SystemStatsRecord>();
      if (!records.has(record.ts)) records.set(record.ts, record);
      return true;
    });
    return toPage(serverId, window, [...records.values()], olderExist);
  }

  /**
   * NATS expires records by `max_age` on its own; this is for pruning on demand. Messages are in
   * arrival order and a record's ts is within `skewMs` of its arrival, so: everything that
   * arrived before `olderThanTs - skewMs` is purged, and old records among those that arrived
   * within `skewMs` of it are deleted one by one.
   */
  async prune(olderThanTs: number): Promise<number> {
    this.assertOpen();
    const { state } = await this.jsm.streams.info(this.stream);
    if (state.messages === 0) return 0;
    const from = olderThanTs - this.skewMs;
    const until = olderThanTs + this.skewMs;
    let firstInZone: number | undefined;
    const stragglers: number[] = [];
    const range = { stream: this.stream, filter: `${this.prefix}.>`, from: { time: from } };
    await readRange(this.js, range, (message) => {
      firstInZone ??= message.seq;
      if (arrivalOf(message) > until || message.seq > state.last_seq) return false;
      if (message.json<SystemStatsRecord>().ts < olderThanTs) stragglers.push(message.seq);
      return true;
    });
    // Up to a sequence even when all are old: a record arriving meanwhile is not purged with them.
    const seq = firstInZone ?? state.last_seq + 1;
    // Nothing before the first message: skip, as nats-server 2.9 purges everything for seq 1.
    const { purged } =
      seq > state.first_seq ? await this.jsm.streams.purge(this.stream, { seq }) : { purged: 0 };
    await Promise.all(stragglers.map((s) => this.jsm.streams.deleteMessage(this.stream, s, false)));
    return purged + stragglers.length;
  }

  /** The caller owns the connection. */
  async close(): Promise<void> {
    this.closed = true;
  }

  private subjectOf(serverId: string): string {
    return `${this.prefix}.${subjectToken(serverId)}`;
  }

  /**
   * All in flight at once, each de-duplicated by server and time so a retried tick is a no-op;
   * every publish settles before a failure is reported, leaving no rejection unobserved.
   */
  private async publish(records: ServerStatsRecord[]): Promise<void> {
    const results = await Promise.allSettled(
      records.map(({ serverId, record }) =>
        this.js.publish(this.subjectOf(serverId), JSON.stringify(record), {
          msgID: `${serverId}@${record.ts}`,
        }),
      ),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private assertOpen(): void {
    if (this.closed) throw new StatsError('STATS_CLOSED', 'the stats history is closed');
  }
}
