import { SqliteEventStore, type NewEvent } from '@monitor/eventstore';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchConfig } from './config';
import { benchEvents, StreamCursor } from './events';
import { measure, type Measurement } from './measure';
import type { Comparison } from './report';

/** The adapter's table and pragmas, written to directly: what the engine does on its own. */
function openRaw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    schema_version INTEGER NOT NULL, UNIQUE (stream, revision))`);
  return db;
}

/** Raw inserts, `perTransaction` rows in each, JSON made as the adapter makes it. */
function rawInserts(
  db: Database.Database,
  events: NewEvent[],
  perTransaction: number,
  streams: number,
): void {
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Array<number>(streams).fill(0);
  const batch = db.transaction((slice: NewEvent[], first: number) => {
    for (const [i, event] of slice.entries()) {
      const stream = Math.floor((first + i) / perTransaction) % streams;
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      insert.run(event.id, `raw-${stream}`, revisions[stream]++, event.type, data, metadata, 1);
    }
  });
  for (let first = 0; first < events.length; first += perTransaction) {
    batch(events.slice(first, first + perTransaction), first);
  }
}

async function adapterAppends(
  store: SqliteEventStore,
  events: NewEvent[],
  perAppend: number,
  streams: number,
): Promise<void> {
  const cursor = new StreamCursor('bench', streams);
  for (let first = 0, n = 0; first < events.length; first += perAppend, n++) {
    const { stream, expected, advance } = cursor.next(n);
    const slice = events.slice(first, first + perAppend);
    await store.append(stream, slice, expected);
    advance(slice.length);
  }
}

async function compareAppends(
  dir: string,
  label: string,
  count: number,
  perAppend: number,
  config: BenchConfig,
): Promise<Comparison> {
  const events = benchEvents(count);
  const raw = openRaw(join(dir, `raw-${label}.db`));
  const rawResult = await measure(count, () => rawInserts(raw, events, perAppend, config.streams));
  raw.close();
  const store = new SqliteEventStore(join(dir, `adapter-${label}.db`), { pollIntervalMs: 0 });
  const adapterResult = await measure(count, () =>
    adapterAppends(store, events, perAppend, config.streams),
  );
  await store.close();
  return {
    engine: 'sqlite',
    case:
      perAppend === 1
        ? 'append 1 event (1 per transaction)'
        : `append ${perAppend} events (1 append per transaction)`,
    unit: 'events',
    adapter: adapterResult,
    raw: rawResult,
  };
}

async function fill(path: string, count: number): Promise<void> {
  const store = new SqliteEventStore(path, { pollIntervalMs: 0 });
  const perAppend = 1000;
  for (let first = 0, n = 0; first < count; first += perAppend, n++) {
    await store.append(
      `replay-${n % 1000}`,
      benchEvents(Math.min(perAppend, count - first), first),
      'any',
    );
  }
  await store.close();
}

async function replayAdapter(path: string, count: number, pageSize: number): Promise<Measurement> {
  const store = new SqliteEventStore(path, { pollIntervalMs: 0 });
  let seen = 0;
  const result = await measure(count, async () => {
    for (let after = 0; ;) {
      const page = await store.readAll(after, pageSize);
      if (page.length === 0) break;
      seen += page.length;
      after = page[page.length - 1].position;
    }
  });
  await store.close();
  if (seen !== count) throw new Error(`replay read ${seen} events, expected ${count}`);
  return result;
}

/**
 * Rows in order with `JSON.parse` of data and metadata, the least a replay has to do, read the
 * fastest way better-sqlite3 has: raw arrays, `.all()` by pages (`.iterate()` over the whole
 * table is slower, one native call per row).
 */
async function replayRaw(path: string, count: number, pageSize: number): Promise<Measurement> {
  const db = new Database(path, { readonly: true });
  const select = db
    .prepare<[number, number], unknown[]>(
      'SELECT position, id, stream, revision, type, data, metadata, schema_version FROM events WHERE position > ? ORDER BY position LIMIT ?',
    )
    .raw();
  let seen = 0;
  const result = await measure(count, () => {
    for (let after = 0; ;) {
      const rows = select.all(after, pageSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        JSON.parse(row[5] as string);
        JSON.parse(row[6] as string);
      }
      seen += rows.length;
      after = rows[rows.length - 1][0] as number;
    }
  });
  db.close();
  if (seen !== count) throw new Error(`raw replay read ${seen} rows, expected ${count}`);
  return result;
}

export async function benchSqlite(config: BenchConfig): Promise<Comparison[]> {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-bench-sqlite-'));
  try {
    // Warm-up: JIT and page cache, not measured.
    await compareAppends(dir, 'warmup', 2_000, 1, config);
    const single = await compareAppends(dir, 'single', config.sqliteSingle, 1, config);
    const batched = await compareAppends(
      dir,
      'batched',
      config.sqliteBatchedEvents,
      config.batchSize,
      config,
    );

    const replayPath = join(dir, 'replay.db');
    console.log(
      `sqlite: writing ${config.replayEvents.toLocaleString('en-US')} events to replay...`,
    );
    await fill(replayPath, config.replayEvents);
    // Twice each, taking turns, best of two: the first pass after the fill pays for its garbage.
    const runs: Measurement[][] = [[], []];
    for (let round = 0; round < 2; round++) {
      runs[0].push(await replayRaw(replayPath, config.replayEvents, config.replayPage));
      runs[1].push(await replayAdapter(replayPath, config.replayEvents, config.replayPage));
    }
    const [raw, adapter] = runs.map((pair) =>
      pair[0].seconds < pair[1].seconds ? pair[0] : pair[1],
    );
    const replay: Comparison = {
      engine: 'sqlite',
      case: `replay ${config.replayEvents.toLocaleString('en-US')} events (readAll pages of ${config.replayPage.toLocaleString('en-US')}, best of 2)`,
      unit: 'events',
      adapter,
      raw,
    };
    return [single, batched, replay];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
