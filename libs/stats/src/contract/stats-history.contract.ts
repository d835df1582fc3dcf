/**
 * The contract every stats history adapter passes, run by each adapter's spec file against a
 * real engine. It uses Jest's globals, so the index does not export it.
 */
import type { StatsHistory } from '../port';
import { clock, rec, serverId, type ContractHistory, type MakeHistory } from './fixtures';

export function statsHistoryContract(name: string, make: MakeHistory): void {
  describe(`${name} stats history contract`, () => {
    let made: ContractHistory | undefined;
    let base = 0;
    const history = (): StatsHistory => {
      if (!made) throw new Error('no history: make failed');
      return made.history;
    };
    beforeEach(async () => {
      const time = clock();
      base = time.base;
      made = await make(time.now);
    });
    afterEach(async () => {
      await made?.cleanup();
      made = undefined;
    });

    it('answers records newest first, whole, with their server id', async () => {
      const sid = serverId();
      const full = rec(base + 1000, { load_average: { one: 1, five: 0.5, fifteen: 0.25 } });
      await history().record(sid, rec(base - 1000));
      await history().record(sid, full);
      await history().record(sid, rec(base));
      const { stats, next_page } = await history().query(sid, { granularity: '1-sec' });
      expect(stats.map((r) => r.ts)).toEqual([base + 1000, base, base - 1000]);
      expect(stats[0]).toEqual({ ...full, sid });
      expect(next_page).toBeUndefined();
    });

    it('averages the records of each bucket', async () => {
      const sid = serverId();
      const disk = (mount: string, used_gb: number) => ({
        mount,
        file_system: 'xfs',
        used_gb,
        total_gb: 100,
      });
      await history().recordMany([
        { serverId: sid, record: rec(base, { cpu_perc: 10, disks: [disk('/', 10)] }) },
        {
          serverId: sid,
          record: rec(base + 1000, {
            cpu_perc: 20,
            disks: [disk('/', 20), disk('/data', 90)],
            load_average: { one: 2, five: 1, fifteen: 0.5 },
          }),
        },
        { serverId: sid, record: rec(base + 2000, { cpu_perc: 60, disks: [disk('/', 60)] }) },
        { serverId: sid, record: rec(base - 50_000, { cpu_perc: 50, network_ingress_bytes: 100 }) },
        { serverId: sid, record: rec(base - 20_000, { cpu_perc: 70, network_ingress_bytes: 300 }) },
      ]);
      const { stats } = await history().query(sid, { granularity: '1-min' });
      expect(stats).toHaveLength(2);
      const [latest, earlier] = stats;
      expect(latest).toMatchObject({ ts: base, sid, cpu_perc: 30, mem_used_gb: 2 });
      expect(latest.load_average).toEqual({ one: 2, five: 1, fifteen: 0.5 });
      expect(latest.disks).toEqual([disk('/', 30), disk('/data', 90)]);
      expect(earlier).toMatchObject({
        ts: base - 60_000,
        cpu_perc: 60,
        network_ingress_bytes: 200,
      });
      expect(earlier.load_average).toBeUndefined();
    });

    it('pages back in time, pointing to the next page while older records exist', async () => {
      const sid = serverId();
      const times = [0, 1, 2, 3, 4].map((k) => base - k * 5000);
      await history().recordMany(times.map((ts) => ({ serverId: sid, record: rec(ts) })));
      const page = (n: number) =>
        history().query(sid, { granularity: '5-sec', page: n, pageSize: 2 });
      const pages = await Promise.all([0, 1, 2, 3].map(page));
      expect(pages.map((p) => p.stats.map((r) => base - r.ts))).toEqual([
        [0, 5000],
        [10_000, 15_000],
        [20_000],
        [],
      ]);
      expect(pages.map((p) => p.next_page)).toEqual([1, 2, undefined, undefined]);
    });

    it('prunes records older than a time, for every server', async () => {
      const [a, b] = [serverId('a'), serverId('b')];
      const times = [30_000, 20_000, 10_000, 0].map((ago) => base - ago);
      // b's records come newest first: a backlog sent late must prune as well.
      await history().recordMany(times.map((ts) => ({ serverId: a, record: rec(ts) })));
      await history().recordMany(
        [...times].reverse().map((ts) => ({ serverId: b, record: rec(ts) })),
      );
      expect(await history().prune(base - 15_000)).toBe(4);
      for (const id of [a, b]) {
        const { stats, next_page } = await history().query(id, { granularity: '1-sec' });
        expect(stats.map((r) => r.ts)).toEqual([base, base - 10_000]);
        expect(next_page).toBeUndefined();
      }
      expect(await history().prune(base - 15_000)).toBe(0);
    });

    it('keeps servers apart, whatever their ids look like', async () => {
      const suffix = serverId('');
      const [dotted, escaped] = [`a.b${suffix}`, `a_2Eb${suffix}`];
      await history().record(dotted, rec(base, { cpu_perc: 11 }));
      await history().record(escaped, rec(base, { cpu_perc: 22 }));
      const cpu = async (id: string) =>
        (await history().query(id, { granularity: '1-sec' })).stats.map((r) => r.cpu_perc);
      expect(await cpu(dotted)).toEqual([11]);
      expect(await cpu(escaped)).toEqual([22]);
      expect(await history().query(serverId('none'), { granularity: '1-hr' })).toEqual({
        stats: [],
      });
    });

    it('records a tick of 500 servers in one call', async () => {
      const ids = Array.from({ length: 500 }, (_, i) => serverId(`s${i}`));
      await history().recordMany(
        ids.map((id, i) => ({ serverId: id, record: rec(base, { cpu_perc: i / 10 }) })),
      );
      for (const i of [0, 250, 499]) {
        const { stats } = await history().query(ids[i], { granularity: '1-min' });
        expect(stats.map((r) => r.cpu_perc)).toEqual([i / 10]);
      }
    });

    it('keeps the first of two records of a server at the same time', async () => {
      const sid = serverId();
      await history().record(sid, rec(base, { cpu_perc: 1 }));
      await history().recordMany([{ serverId: sid, record: rec(base, { cpu_perc: 2 }) }]);
      const { stats } = await history().query(sid, { granularity: '1-sec' });
      expect(stats.map((r) => r.cpu_perc)).toEqual([1]);
    });

    it('refuses bad records, whole batches, and bad queries', async () => {
      const sid = serverId();
      await expect(history().record(sid, rec(base, { cpu_perc: NaN }))).rejects.toMatchObject({
        code: 'INVALID_RECORD',
      });
      const batch = [
        { serverId: sid, record: rec(base) },
        { serverId: sid, record: rec(base + 1000, { disks: 'full' as never }) },
      ];
      await expect(history().recordMany(batch)).rejects.toMatchObject({ code: 'INVALID_RECORD' });
      expect(await history().query(sid, { granularity: '1-sec' })).toEqual({ stats: [] });
      for (const query of [
        { granularity: '7-min' },
        { granularity: '1-min', page: -1 },
        { granularity: '1-min', pageSize: 0 },
      ]) {
        await expect(history().query(sid, query)).rejects.toMatchObject({ code: 'INVALID_QUERY' });
      }
    });
  });
}
