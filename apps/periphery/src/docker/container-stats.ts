import type { ContainerStats } from '@monitor/contracts/agent';

/** The parts of the Engine's stats answer that the figures come from. */
export interface EngineStats {
  name?: string;
  cpu_stats?: CpuSample;
  precpu_stats?: CpuSample;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number | undefined> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  pids_stats?: { current?: number };
}

interface CpuSample {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/**
 * The docker CLI's own arithmetic (cli/command/container/stats_helpers.go), so the numbers match
 * what a user sees in `docker stats`: CPU from the two samples the engine takes a second apart,
 * memory without the page cache, network and block I/O summed over interfaces and devices.
 */
export function toContainerStats(name: string, stats: EngineStats): ContainerStats {
  const memory = memoryUsed(stats.memory_stats);
  const limit = stats.memory_stats?.limit ?? 0;
  const [rx, tx] = Object.values(stats.networks ?? {}).reduce(
    ([r, t], n) => [r + (n.rx_bytes ?? 0), t + (n.tx_bytes ?? 0)],
    [0, 0],
  );
  const [read, write] = blockIo(stats.blkio_stats?.io_service_bytes_recursive ?? []);
  return {
    name,
    cpu_perc: `${cpuPercent(stats.cpu_stats, stats.precpu_stats).toFixed(2)}%`,
    mem_perc: `${(limit ? (memory / limit) * 100 : 0).toFixed(2)}%`,
    mem_usage: `${binarySize(memory)} / ${binarySize(limit)}`,
    net_io: `${decimalSize(rx)} / ${decimalSize(tx)}`,
    block_io: `${decimalSize(read)} / ${decimalSize(write)}`,
    pids: String(stats.pids_stats?.current ?? 0),
  };
}

function cpuPercent(now: CpuSample | undefined, before: CpuSample | undefined): number {
  const cpu = (now?.cpu_usage?.total_usage ?? 0) - (before?.cpu_usage?.total_usage ?? 0);
  const system = (now?.system_cpu_usage ?? 0) - (before?.system_cpu_usage ?? 0);
  const cpus = now?.online_cpus || now?.cpu_usage?.percpu_usage?.length || 0;
  return cpu > 0 && system > 0 ? (cpu / system) * cpus * 100 : 0;
}

/** Usage minus inactive page cache: cgroup v1 calls it total_inactive_file, v2 inactive_file. */
function memoryUsed(memory: EngineStats['memory_stats']): number {
  const usage = memory?.usage ?? 0;
  const inactive = memory?.stats?.total_inactive_file ?? memory?.stats?.inactive_file;
  return inactive !== undefined && inactive < usage ? usage - inactive : usage;
}

function blockIo(entries: { op: string; value: number }[]): [number, number] {
  let read = 0;
  let write = 0;
  for (const { op, value } of entries) {
    if (op.toLowerCase() === 'read') read += value;
    if (op.toLowerCase() === 'write') write += value;
  }
  return [read, write];
}

/** go-units' BytesSize: powers of 1024, four significant digits ("1.977MiB"). */
export function binarySize(bytes: number): string {
  return scaled(bytes, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'], 4);
}

/** go-units' HumanSizeWithPrecision(n, 3): powers of 1000, three digits ("1.23kB"). */
export function decimalSize(bytes: number): string {
  return scaled(bytes, 1000, ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'], 3);
}

function scaled(value: number, base: number, units: string[], digits: number): string {
  let size = value;
  let unit = 0;
  while (size >= base && unit < units.length - 1) {
    size /= base;
    unit += 1;
  }
  // Go's %g: significant digits, trailing zeros dropped.
  return `${Number(size.toPrecision(digits))}${units[unit]}`;
}
