import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@monitor/eventstore';
import { claimPoll, POLL_CLAIMED, pollClaimStream } from './poll-claims';

const START = Date.parse('2026-06-01T12:00:00Z');
const INTERVAL = 60_000;

/** Two replicas' claims on one SQLite file, as two sync processes would share it. */
describe('sync poll claims on a shared store', () => {
  let dir: string;
  let stores: SqliteEventStore[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'poll-claims-'));
    stores = [0, 1].map(() => new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 0 }));
  });

  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('one replica polls each window, whoever races for it; each window is one event', async () => {
    const windows = Array.from({ length: 30 }, (_, i) => START + i * INTERVAL);
    const won = await Promise.all(
      windows.map((start) =>
        Promise.all(stores.map((store) => claimPoll(store, { start, intervalMs: INTERVAL }))),
      ),
    );
    for (const pair of won) expect(pair.filter(Boolean)).toHaveLength(1);
    for (const start of windows) {
      const events = await stores[0].readStream(pollClaimStream(start));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: POLL_CLAIMED,
        data: { window_start: start, interval_ms: INTERVAL },
      });
    }
    // A replica waking late for a window already polled polls nothing.
    expect(await claimPoll(stores[1], { start: windows[0], intervalMs: INTERVAL })).toBe(false);
  });
});
