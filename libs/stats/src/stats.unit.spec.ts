import { downsample, pageWindow } from './downsample';
import { normalizeRecord } from './record';
import { TIMELENGTHS, timelengthMs } from './timelength';

describe('timelengths', () => {
  it('takes every Komodo Timelength and nothing else', () => {
    expect(Object.keys(TIMELENGTHS)).toHaveLength(26);
    expect(timelengthMs('15-min')).toBe(900_000);
    expect(timelengthMs('1-wk')).toBe(604_800_000);
    expect(() => timelengthMs('toString')).toThrow(/not a Timelength/);
  });
});

describe('pages', () => {
  it('count back from the bucket holding now', () => {
    const now = Date.UTC(2026, 0, 1, 12, 7, 30);
    const hour = Date.UTC(2026, 0, 1, 12);
    expect(pageWindow({ granularity: '1-hr', pageSize: 24 }, now)).toEqual({
      granularityMs: 3600_000,
      page: 0,
      start: hour - 23 * 3600_000,
      end: hour + 3600_000,
    });
    const second = pageWindow({ granularity: '1-hr', page: 1, pageSize: 24 }, now);
    expect(second.end).toBe(hour - 23 * 3600_000);
    expect(pageWindow({ granularity: '1-min' }, now).start).toBe(Date.UTC(2026, 0, 1, 8, 48));
  });
});

describe('records', () => {
  const record = {
    ts: 1000,
    cpu_perc: 5,
    mem_used_gb: 1,
    mem_total_gb: 2,
    disk_used_gb: 3,
    disk_total_gb: 4,
    disks: [{ mount: '/', used_gb: 3, total_gb: 4 }],
  };

  it('keep known fields only, with Komodo defaults for what agents may leave out', () => {
    const extra = { ...record, secret: 'x', polling_rate: '5-sec' } as never;
    expect(normalizeRecord('s1', extra)).toEqual({
      ...record,
      disks: [{ mount: '/', file_system: '', used_gb: 3, total_gb: 4 }],
      network_ingress_bytes: 0,
      network_egress_bytes: 0,
    });
  });

  it('refuse anything but finite numbers', () => {
    for (const bad of [{ cpu_perc: Infinity }, { ts: 1.5 }, { mem_used_gb: '1' }]) {
      expect(() => normalizeRecord('s1', { ...record, ...bad } as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_RECORD' }),
      );
    }
  });

  it('average into buckets aligned to the epoch, newest first', () => {
    const r = normalizeRecord('s1', record as never);
    const stats = downsample(
      's1',
      [r, { ...r, ts: 61_000, cpu_perc: 7 }, { ...r, ts: 119_999, cpu_perc: 9 }],
      60_000,
    );
    expect(stats.map((s) => [s.ts, s.cpu_perc])).toEqual([
      [60_000, 8],
      [0, 5],
    ]);
  });
});
