import { toSystemStats, timelength, type RawSample } from './stats-sample';

const GIB = 1024 ** 3;
const sample = (at: number, rx: number, tx: number): RawSample => ({
  at,
  cpuPerc: 12.345,
  load: [0.5, 0.4, 0.3],
  mem: {
    total: 8 * GIB,
    free: 2 * GIB,
    available: 6 * GIB,
    buffcache: GIB,
    swaptotal: 0,
    swapused: 0,
  },
  disks: [
    { fs: '/dev/vda', type: 'ext4', mount: '/', size: 100 * GIB, used: 25 * GIB },
    {
      fs: 'overlay',
      type: 'overlay',
      mount: '/var/lib/docker/overlay2/abc/merged',
      size: 100 * GIB,
      used: 25 * GIB,
    },
    { fs: 'tmpfs', type: 'tmpfs', mount: '/dev/shm', size: GIB, used: 0 },
  ],
  network: [
    { iface: 'lo', rx_bytes: rx * 100, tx_bytes: tx * 100 },
    { iface: 'eth0', rx_bytes: rx, tx_bytes: tx },
    { iface: 'veth12ab', rx_bytes: rx * 7, tx_bytes: tx * 7 },
  ],
});

describe('toSystemStats', () => {
  it("answers Komodo's SystemStats with per-second network rates from two samples", () => {
    const stats = toSystemStats(sample(0, 1000, 500), sample(2000, 5000, 1500), 5000);
    expect(stats).toEqual({
      cpu_perc: 12.35,
      load_average: { one: 0.5, five: 0.4, fifteen: 0.3 },
      mem_free_gb: 2,
      mem_used_gb: 2,
      mem_total_gb: 8,
      mem_buff_cache_gb: 1,
      swap_total_gb: 0,
      swap_used_gb: 0,
      disks: [{ mount: '/', file_system: 'ext4', used_gb: 25, total_gb: 100 }],
      network_ingress_bytes: 2000,
      network_egress_bytes: 500,
      polling_rate: '5-sec',
      refresh_ts: 2000,
      refresh_list_ts: 2000,
    });
  });

  it('counts a reset counter as no traffic and keeps CPU within 0-100', () => {
    const later = { ...sample(1000, 10, 10), cpuPerc: 130 };
    const stats = toSystemStats(sample(0, 5000, 5000), later, 200);
    expect(stats).toMatchObject({
      network_ingress_bytes: 0,
      network_egress_bytes: 0,
      cpu_perc: 100,
    });
    expect(stats).not.toHaveProperty('polling_rate');
  });

  it('maps rates to Komodo Timelengths', () => {
    expect(timelength(1000)).toBe('1-sec');
    expect(timelength(60_000)).toBe('1-min');
    expect(timelength(1234)).toBeUndefined();
  });
});
