import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clock, rec } from '../contract/fixtures';
import { statsHistoryContract } from '../contract/stats-history.contract';
import { SqliteStatsHistory } from './sqlite-stats-history';

function tempFile(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-stats-'));
  return {
    path: join(dir, 'stats.sqlite'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const DAY = 24 * 3600_000;

statsHistoryContract('sqlite', async (now) => {
  const file = tempFile();
  const history = new SqliteStatsHistory(file.path, { retentionMs: DAY, now });
  return {
    history,
    cleanup: async () => {
      await history.close();
      file.remove();
    },
  };
});

describe('sqlite stats history', () => {
  let file: ReturnType<typeof tempFile>;
  beforeEach(() => {
    file = tempFile();
  });
  afterEach(() => file.remove());

  it('is a WAL file with an index on (server_id, ts), and keeps records across opens', async () => {
    const { base, now } = clock();
    const first = new SqliteStatsHistory(file.path, { retentionMs: DAY, now });
    await first.record('s1', rec(base));
    await first.close();
    const db = new Database(file.path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const columns = db
        .prepare("SELECT name FROM pragma_index_info('stats_server_ts')")
        .pluck()
        .all();
      expect(columns).toEqual(['server_id', 'ts']);
    } finally {
      db.close();
    }
    const again = new SqliteStatsHistory(file.path, { retentionMs: DAY, now });
    expect((await again.query('s1', { granularity: '1-min' })).stats).toHaveLength(1);
    await again.close();
  });

  it('prunes past the retention at open and on its timer', async () => {
    const { base, now } = clock();
    let time = now();
    const options = { retentionMs: 60_000, pruneIntervalMs: 20, now: () => time };
    const seed = new SqliteStatsHistory(file.path, { ...options, pruneIntervalMs: 0 });
    await seed.recordMany([
      { serverId: 's1', record: rec(base - 120_000) },
      { serverId: 's1', record: rec(base - 30_000) },
      { serverId: 's1', record: rec(base) },
    ]);
    await seed.close();
    const history = new SqliteStatsHistory(file.path, options);
    const times = async () =>
      (await history.query('s1', { granularity: '1-sec', pageSize: 1000 })).stats.map(
        (r) => base - r.ts,
      );
    await waitFor(async () => (await times()).length === 2);
    expect(await times()).toEqual([0, 30_000]);
    time += 45_000;
    await waitFor(async () => (await times()).length === 1);
    await history.close();
  });

  it('prunes in chunks', async () => {
    const { base, now } = clock();
    const history = new SqliteStatsHistory(file.path, {
      retentionMs: DAY,
      pruneIntervalMs: 0,
      pruneChunk: 7,
      now,
    });
    const records = Array.from({ length: 100 }, (_, i) => ({
      serverId: `s${i % 3}`,
      record: rec(base - 1000 * (i + 1)),
    }));
    await history.recordMany(records);
    expect(await history.prune(base - 50_500)).toBe(50);
    expect(await history.prune(base)).toBe(50);
    await history.close();
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
