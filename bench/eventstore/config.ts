/**
 * Sizes of the event store bench, from `--name=value` arguments or `BENCH_NAME` environment
 * variables (arguments win). The defaults keep the whole run near two minutes on two cores.
 */
export interface BenchConfig {
  /** Which engines to run: `sqlite`, `jetstream` or both. */
  only: 'sqlite' | 'jetstream' | 'all';
  /** Number of one-event appends (and raw single inserts) on sqlite. */
  sqliteSingle: number;
  /** Number of events written in batched appends on sqlite. */
  sqliteBatchedEvents: number;
  /** Events per batched append, both engines. */
  batchSize: number;
  /** Events in the replay file. */
  replayEvents: number;
  /**
   * Events per `readAll` page in the replay. A few thousand keeps each page in V8's young
   * generation; pages of 10,000 and more get promoted and slow the replay by a third.
   */
  replayPage: number;
  /** Number of one-event appends (and raw publishes) awaited one at a time on JetStream. */
  jetstreamSingle: number;
  /** Number of appends (and raw publishes) made with many in flight on JetStream. */
  jetstreamInFlightTotal: number;
  /** How many are in flight at once. */
  jetstreamInFlight: number;
  /** Number of batched appends on JetStream. */
  jetstreamBatches: number;
  /** Number of distinct streams appends go round. */
  streams: number;
}

const defaults: BenchConfig = {
  only: 'all',
  sqliteSingle: 30_000,
  sqliteBatchedEvents: 300_000,
  batchSize: 100,
  replayEvents: 1_000_000,
  replayPage: 2_000,
  jetstreamSingle: 5_000,
  jetstreamInFlightTotal: 30_000,
  jetstreamInFlight: 1_000,
  jetstreamBatches: 1_000,
  streams: 1_000,
};

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): BenchConfig {
  const config = { ...defaults };
  const args = new Map(
    argv.flatMap((arg) => {
      const match = /^--([a-zA-Z]+)=(.*)$/.exec(arg);
      return match ? [[match[1], match[2]] as const] : [];
    }),
  );
  for (const key of Object.keys(defaults) as (keyof BenchConfig)[]) {
    const raw = args.get(key) ?? env[`BENCH_${toEnvName(key)}`];
    if (raw === undefined) continue;
    if (key === 'only') {
      if (raw !== 'sqlite' && raw !== 'jetstream' && raw !== 'all') {
        throw new Error(`--only must be sqlite, jetstream or all, not ${raw}`);
      }
      config.only = raw;
    } else {
      const value = Number(raw.replaceAll('_', ''));
      if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${key} must be a count`);
      config[key] = value;
    }
  }
  return config;
}

/** `sqliteSingle` -> `SQLITE_SINGLE`. */
function toEnvName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
}
