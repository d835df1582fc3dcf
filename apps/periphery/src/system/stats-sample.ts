import type { DiskUsage, SystemStats } from '@monitor/contracts/agent';

const GIB = 1024 ** 3;

/** One reading of the host, as the sampler takes it: counters, not yet rates. */
export interface RawSample {
  at: number;
  cpuPerc: number;
  load: [number, number, number];
  mem: {
    total: number;
    free: number;
    available: number;
    buffcache: number;
    swaptotal: number;
    swapused: number;
  };
  disks: { fs: string; type: string; mount: string; size: number; used: number }[];
  network: { iface: string; rx_bytes: number; tx_bytes: number }[];
}

/**
 * Mounts that are not the host's disks: Docker's per-container layers (one per running
 * container, all views of the same disk) and in-memory or read-only image file systems.
 */
const SKIPPED_TYPES = new Set(['tmpfs', 'devtmpfs', 'squashfs', 'nsfs', 'overlay']);
const SKIPPED_MOUNT_PREFIXES = ['/var/lib/docker/', '/run/docker/', '/snap/'];

/**
 * Interfaces whose traffic is not the host's: loopback, and the container side of Docker's
 * networking (each bridged packet also crosses a veth and a bridge before the uplink, so counting
 * those would count it three times).
 */
const isHostInterface = (iface: string) => iface !== 'lo' && !/^(veth|docker\d|br-)/.test(iface);

const gb = (bytes: number) => round(bytes / GIB, 3);
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Komodo's SystemStats from the last two samples: rates need both, levels the latest. */
export function toSystemStats(
  previous: RawSample,
  current: RawSample,
  pollingRateMs: number,
): SystemStats {
  const seconds = Math.max((current.at - previous.at) / 1000, 0.001);
  const [rx, tx] = networkDelta(previous, current);
  const rate = timelength(pollingRateMs);
  return {
    cpu_perc: round(clamp(current.cpuPerc, 0, 100), 2),
    load_average: { one: current.load[0], five: current.load[1], fifteen: current.load[2] },
    mem_free_gb: gb(current.mem.free),
    mem_used_gb: gb(current.mem.total - current.mem.available),
    mem_total_gb: gb(current.mem.total),
    mem_buff_cache_gb: gb(current.mem.buffcache),
    swap_total_gb: gb(current.mem.swaptotal),
    swap_used_gb: gb(current.mem.swapused),
    disks: diskUsage(current.disks),
    network_ingress_bytes: Math.round(rx / seconds),
    network_egress_bytes: Math.round(tx / seconds),
    ...(rate ? { polling_rate: rate } : {}),
    refresh_ts: current.at,
    refresh_list_ts: current.at,
  };
}

export function diskUsage(disks: RawSample['disks']): DiskUsage[] {
  return disks
    .filter((d) => !SKIPPED_TYPES.has(d.type) || d.mount === '/')
    .filter((d) => !SKIPPED_MOUNT_PREFIXES.some((prefix) => d.mount.startsWith(prefix)))
    .map((d) => ({
      mount: d.mount,
      file_system: d.type,
      used_gb: gb(d.used),
      total_gb: gb(d.size),
    }));
}

/** Bytes received and sent between two samples; a counter that went back (reset) counts 0. */
function networkDelta(previous: RawSample, current: RawSample): [number, number] {
  const before = new Map(previous.network.map((n) => [n.iface, n]));
  let rx = 0;
  let tx = 0;
  for (const now of current.network.filter((n) => isHostInterface(n.iface))) {
    const then = before.get(now.iface);
    if (!then) continue;
    rx += Math.max(now.rx_bytes - then.rx_bytes, 0);
    tx += Math.max(now.tx_bytes - then.tx_bytes, 0);
  }
  return [rx, tx];
}

const TIMELENGTHS: [number, string][] = [
  [1000, '1-sec'],
  [2000, '2-sec'],
  [3000, '3-sec'],
  [5000, '5-sec'],
  [10_000, '10-sec'],
  [15_000, '15-sec'],
  [30_000, '30-sec'],
  [60_000, '1-min'],
  [120_000, '2-min'],
  [180_000, '3-min'],
  [300_000, '5-min'],
  [600_000, '10-min'],
  [900_000, '15-min'],
  [1_800_000, '30-min'],
  [3_600_000, '1-hr'],
];

/** Komodo reports the rate as a Timelength enum value; other rates have none. */
export function timelength(ms: number): string | undefined {
  return TIMELENGTHS.find(([value]) => value === ms)?.[1];
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, min), max) : min;
}
