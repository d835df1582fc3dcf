import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, newEvents } from '../../contract/fixtures';
import { WrongExpectedRevisionError, type StoredEvent } from '../../port';
import { SqliteEventStore } from './sqlite-event-store';

/** Two stores on one file stand for two processes: each has its own connection. */
describe('SqliteEventStore shared by two connections', () => {
  let dir: string;
  let one: SqliteEventStore;
  let two: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-sqlite-shared-'));
    one = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    two = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await one.close();
    await two.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets only one of two connections append at the same expected revision', async () => {
    await one.append('s', newEvents(1), 'no_stream');
    await two.append('s', newEvents(1), 0);
    await expect(one.append('s', newEvents(1), 0)).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect((await one.readStream('s')).map((event) => event.revision)).toEqual([0, 1]);
  });

  it('delivers to a subscription the events another connection appends', async () => {
    const seen: StoredEvent[] = [];
    const subscription = one.subscribeAll(0, (event) => {
      seen.push(event);
    });
    const events = newEvents(3);
    await two.append('s', events, 'no_stream');
    await eventually(() => seen.length === 3, 'events from the other connection delivered');
    await subscription.close();
    expect(seen.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it("delivers its own appends and the other connection's in between, in order, none twice", async () => {
    const seen: StoredEvent[] = [];
    const subscription = one.subscribeAll(0, (event) => {
      seen.push(event);
    });
    for (let i = 0; i < 6; i++) {
      const writer = i % 3 === 1 ? two : one;
      await writer.append(`s${i}`, newEvents(2), 'no_stream');
    }
    await eventually(() => seen.length === 12, 'every append delivered');
    await subscription.close();
    expect(seen.map((event) => event.position)).toEqual(
      (await one.readAll(0)).map((event) => event.position),
    );
    expect(new Set(seen.map((event) => event.id)).size).toBe(12);
  });
});
