import type Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

type ChildMessage = { acknowledged: string } | { done: true } | { failed: string };

describe('SqliteEventStore durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-sqlite-durability-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append when the writing process is killed with SIGKILL', async () => {
    const path = join(dir, 'events.db');
    const child = fork(join(__dirname, 'sqlite-durability.child.js'), [path, 'durable', '1000'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const acknowledged: string[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.on('message', (message: ChildMessage) => {
        if ('failed' in message) reject(new Error(message.failed));
        if ('done' in message) reject(new Error('the child finished before it was killed'));
        if ('acknowledged' in message) {
          acknowledged.push(message.acknowledged);
          // Killed in full flight: appends keep coming while the signal lands.
          if (acknowledged.length === 500) {
            child.kill('SIGKILL');
            resolve();
          }
        }
      });
    });
    expect(await exited).toBe('SIGKILL');

    const store = new SqliteEventStore(path);
    try {
      const stored = (await store.readStream('durable')).map((event) => event.id);
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(stored.slice(0, acknowledged.length)).toEqual(acknowledged);
    } finally {
      await store.close();
    }
  });

  it('syncs the WAL at every commit with durability power, not with process', async () => {
    const synchronous = async (durability: 'power' | 'process') => {
      const store = new SqliteEventStore(join(dir, `${durability}.db`), { durability });
      // The pragma is per connection: read it through the store's own connection.
      const { db } = store as unknown as { db: Database.Database };
      const value = db.pragma('synchronous', { simple: true });
      await store.close();
      return value;
    };
    expect(await synchronous('power')).toBe(2);
    expect(await synchronous('process')).toBe(1);
  });

  it('reopens a file with its events and goes on with the next positions', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteEventStore(path);
    const metadata = {
      userId: 'u',
      via: 'system' as const,
      correlationId: 'c',
      causationId: 'c',
      at: 1,
    };
    const a = await first.append('s', [{ id: 'a', type: 'T', data: 1, metadata }], 'no_stream');
    await first.close();
    const second = new SqliteEventStore(path);
    const b = await second.append('s', [{ id: 'b', type: 'T', data: 2, metadata }], 0);
    expect(b.position).toBeGreaterThan(a.position);
    expect((await second.readStream('s')).map((event) => event.id)).toEqual(['a', 'b']);
    await second.close();
  });
});
