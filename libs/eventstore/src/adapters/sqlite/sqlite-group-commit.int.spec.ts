import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ids, newEvents, uniqueStream } from '../../contract/fixtures';
import { WrongExpectedRevisionError } from '../../port';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore group commit', () => {
  let dir: string;
  let path: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-sqlite-group-'));
    path = join(dir, 'events.db');
    store = new SqliteEventStore(path);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends made at once with consecutive positions, each failing alone', async () => {
    const taken = uniqueStream();
    const stored = newEvents(1);
    await store.append(taken, stored, 'no_stream');
    const good = [newEvents(2), newEvents(1), newEvents(3)];
    const streams = good.map(() => uniqueStream());
    const [first, wrongRevision, duplicate, second, third] = await Promise.allSettled([
      store.append(streams[0], good[0], 'no_stream'),
      store.append(taken, newEvents(1), 'no_stream'),
      store.append(uniqueStream(), [...newEvents(1), stored[0]], 'no_stream'),
      store.append(streams[1], good[1], 'no_stream'),
      store.append(streams[2], good[2], 'no_stream'),
    ]);
    expect(wrongRevision).toMatchObject({ status: 'rejected' });
    expect((wrongRevision as PromiseRejectedResult).reason).toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(duplicate).toMatchObject({
      status: 'rejected',
      reason: { code: 'DUPLICATE_EVENT_ID' },
    });
    expect([first, second, third].map((x) => x.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    for (const [i, stream] of streams.entries())
      expect(ids(await store.readStream(stream))).toEqual(ids(good[i]));
    const all = await store.readAll();
    expect(ids(all)).toEqual(ids([...stored, ...good.flat()]));
    expect(all.map((event) => event.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('commits the appends already made when it closes, so each one acknowledged is stored', async () => {
    const stream = uniqueStream();
    const events = newEvents(2);
    const appended = store.append(stream, events, 'no_stream');
    await store.close();
    await expect(appended).resolves.toEqual({ revision: 1, position: 2 });
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT id FROM events ORDER BY position').pluck().all()).toEqual(
        ids(events),
      );
    } finally {
      db.close();
    }
  });
});
