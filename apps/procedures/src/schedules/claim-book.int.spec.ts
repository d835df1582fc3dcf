import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scheduleClaimStream, type ScheduleClaim } from '@monitor/domain';
import { SqliteEventStore } from '@monitor/eventstore';
import { ClaimBook, TICK_CLAIMED } from './claim-book';
import { OverdueClaims } from './overdue-claims';

const MINUTE = Date.parse('2026-06-01T12:00:00Z');

const claimOf = (replica: string, tick: number): ScheduleClaim => ({
  kind: 'Procedure',
  id: 'p1',
  tick,
  replica,
  updateId: `${replica}-${tick}`,
  alertId: `${replica}-alert-${tick}`,
});

/** Two replicas' claim books on one SQLite file, as two processes would share it. */
describe('ClaimBook on a shared store', () => {
  let dir: string;
  let stores: SqliteEventStore[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claim-book-'));
    stores = [0, 1].map(() => new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 0 }));
  });

  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores one claim per tick whoever races for it; the loser learns the winner', async () => {
    const [a, b] = stores.map((s) => new ClaimBook(s));
    const ticks = Array.from({ length: 90 }, (_, i) => MINUTE + i * 1000);
    const outcomes = await Promise.all(
      ticks.map(async (tick) => {
        const [ofA, ofB] = await Promise.all([
          a.claim(claimOf('a', tick)),
          b.claim(claimOf('b', tick)),
        ]);
        return { tick, ofA, ofB };
      }),
    );
    for (const { tick, ofA, ofB } of outcomes) {
      expect([ofA.won, ofB.won].filter(Boolean)).toHaveLength(1);
      const lost = ofA.won ? ofB : ofA;
      const winner = ofA.won ? 'a' : 'b';
      expect(lost).toMatchObject({ won: false, first: { claim: claimOf(winner, tick) } });
    }
    const events = (await stores[0].readAll(0)).filter((e) => e.type === TICK_CLAIMED);
    expect(events).toHaveLength(90);
    // Ninety ticks over two minutes: two streams, sixty claims in the first.
    const streams = new Map<string, number>();
    for (const e of events) streams.set(e.stream, (streams.get(e.stream) ?? 0) + 1);
    expect([...streams]).toEqual([
      [scheduleClaimStream('p1', MINUTE), 60],
      [scheduleClaimStream('p1', MINUTE + 60_000), 30],
    ]);
  });

  it('answers a tick already claimed before this replica looked, without writing', async () => {
    const [a, b] = stores.map((s) => new ClaimBook(s));
    expect(await a.claim(claimOf('a', MINUTE + 1000))).toEqual({ won: true });
    expect(await a.claim(claimOf('a', MINUTE + 2000))).toEqual({ won: true });
    const lost = await b.claim(claimOf('b', MINUTE + 1000));
    expect(lost).toMatchObject({ won: false, first: { claim: claimOf('a', MINUTE + 1000) } });
    const head = await stores[0].headPosition();
    expect(await b.claim(claimOf('b', MINUTE + 2000))).toMatchObject({ won: false });
    expect(await stores[0].headPosition()).toBe(head);
    expect(await b.claim(claimOf('b', MINUTE + 3000))).toEqual({ won: true });
  });

  it("hands a lost claim's run over once its grace is past, unless it started", async () => {
    const [a, b] = stores.map((s) => new ClaimBook(s));
    await a.claim(claimOf('a', MINUTE));
    await a.claim(claimOf('a', MINUTE + 1000));
    const overdue = new OverdueClaims();
    for (const tick of [MINUTE, MINUTE + 1000]) {
      const lost = await b.claim(claimOf('b', tick));
      if (!lost.won) overdue.watch(lost.first);
    }
    const claimedAt = Date.now();
    const started = (updateId: string) => updateId === `a-${MINUTE}`;
    expect(overdue.overdue(claimedAt + 1000, 60_000, started)).toEqual([]);
    const due = overdue.overdue(claimedAt + 11_000, 60_000, started);
    expect(due.map((d) => d.claim)).toEqual([claimOf('a', MINUTE + 1000)]);
    expect(overdue.overdue(claimedAt + 12_000, 60_000, started)).toEqual([]);
  });
});
