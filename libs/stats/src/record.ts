import { StatsError, type DiskUsage, type SystemStatsRecord } from './port';

/**
 * Records are checked and rebuilt field by field before they are stored: only known fields,
 * only finite numbers, so one bad agent answer cannot poison the averages of a whole bucket
 * (NaN is contagious) or grow the store with whatever else it carried.
 */
export function normalizeRecord(serverId: string, record: SystemStatsRecord): SystemStatsRecord {
  if (typeof serverId !== 'string' || serverId.length === 0) {
    throw new StatsError('INVALID_RECORD', 'serverId: must not be empty');
  }
  if (typeof record !== 'object' || record === null) {
    throw new StatsError('INVALID_RECORD', `record of ${serverId}: must be an object`);
  }
  const num = (value: unknown, field: string, fallback?: number): number => {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new StatsError('INVALID_RECORD', `${field} of ${serverId}: must be a finite number`, {
        serverId,
        field,
      });
    }
    return value;
  };
  const ts = num(record.ts, 'ts');
  if (!Number.isSafeInteger(ts) || ts < 0) {
    throw new StatsError(
      'INVALID_RECORD',
      `ts of ${serverId}: must be milliseconds since the epoch`,
    );
  }
  if (!Array.isArray(record.disks)) {
    throw new StatsError('INVALID_RECORD', `disks of ${serverId}: must be a list`);
  }
  const disks = record.disks.map((disk, i): DiskUsage => ({
    mount: text(disk?.mount, `disks[${i}].mount of ${serverId}`),
    file_system:
      disk.file_system === undefined ? '' : text(disk.file_system, `disks[${i}].file_system`),
    used_gb: num(disk.used_gb, `disks[${i}].used_gb`),
    total_gb: num(disk.total_gb, `disks[${i}].total_gb`),
  }));
  const load = record.load_average;
  return {
    ts,
    cpu_perc: num(record.cpu_perc, 'cpu_perc'),
    ...(load
      ? {
          load_average: {
            one: num(load.one, 'load_average.one'),
            five: num(load.five, 'load_average.five'),
            fifteen: num(load.fifteen, 'load_average.fifteen'),
          },
        }
      : {}),
    mem_used_gb: num(record.mem_used_gb, 'mem_used_gb'),
    mem_total_gb: num(record.mem_total_gb, 'mem_total_gb'),
    disk_used_gb: num(record.disk_used_gb, 'disk_used_gb'),
    disk_total_gb: num(record.disk_total_gb, 'disk_total_gb'),
    disks,
    // Optional in Komodo's SystemStats: an agent that does not measure them reports nothing.
    network_ingress_bytes: num(record.network_ingress_bytes, 'network_ingress_bytes', 0),
    network_egress_bytes: num(record.network_egress_bytes, 'network_egress_bytes', 0),
  };
}

/** Every record of a batch checked before any is written: a batch goes in whole or not at all. */
export function normalizeMany(
  records: { serverId: string; record: SystemStatsRecord }[],
): { serverId: string; record: SystemStatsRecord }[] {
  if (!Array.isArray(records)) throw new StatsError('INVALID_RECORD', 'records: must be a list');
  return records.map(({ serverId, record }) => ({
    serverId,
    record: normalizeRecord(serverId, record),
  }));
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new StatsError('INVALID_RECORD', `${field}: must be a string`, { field });
  }
  return value;
}
