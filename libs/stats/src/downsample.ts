import {
  StatsError,
  type DiskUsage,
  type HistoricalStatsRecord,
  type StatsPage,
  type StatsQuery,
  type SystemStatsRecord,
} from './port';
import { timelengthMs } from './timelength';

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 10_000;

/** The time window of one page: records with `start <= ts < end`. */
export interface PageWindow {
  granularityMs: number;
  page: number;
  start: number;
  end: number;
}

/**
 * Pages count back from the bucket holding `now`, `pageSize` buckets each, buckets aligned to
 * the epoch so the same record always lands in the same bucket whoever asks. Empty buckets are
 * left out rather than padded, as Komodo does.
 */
export function pageWindow(query: StatsQuery, now: number): PageWindow {
  const granularityMs = timelengthMs(query.granularity);
  const page = query.page ?? 0;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(page) || page < 0) {
    throw new StatsError('INVALID_QUERY', 'page: must be a whole number, 0 or more');
  }
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new StatsError(
      'INVALID_QUERY',
      `pageSize: must be a whole number, 1 to ${MAX_PAGE_SIZE}`,
    );
  }
  const end = bucketOf(now, granularityMs) + granularityMs - page * pageSize * granularityMs;
  return { granularityMs, page, start: end - pageSize * granularityMs, end };
}

/** The page answer from the records of its window (any order) and whether older ones exist. */
export function toPage(
  sid: string,
  window: PageWindow,
  records: SystemStatsRecord[],
  olderExist: boolean,
): StatsPage {
  const inWindow = records.filter((r) => r.ts >= window.start && r.ts < window.end);
  const stats = downsample(sid, inWindow, window.granularityMs);
  return olderExist ? { stats, next_page: window.page + 1 } : { stats };
}

/** One record per bucket, every number the mean of the bucket's records; newest first. */
export function downsample(
  sid: string,
  records: SystemStatsRecord[],
  granularityMs: number,
): HistoricalStatsRecord[] {
  const buckets = new Map<number, SystemStatsRecord[]>();
  for (const record of records) {
    const bucket = bucketOf(record.ts, granularityMs);
    const list = buckets.get(bucket);
    if (list) list.push(record);
    else buckets.set(bucket, [record]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => b - a)
    .map(([ts, list]) =>
      average(
        sid,
        ts,
        list.sort((a, b) => a.ts - b.ts),
      ),
    );
}

function bucketOf(ts: number, granularityMs: number): number {
  return Math.floor(ts / granularityMs) * granularityMs;
}

function average(sid: string, ts: number, records: SystemStatsRecord[]): HistoricalStatsRecord {
  const mean = <T>(of: T[], pick: (item: T) => number) =>
    of.reduce((sum, item) => sum + pick(item), 0) / of.length;
  const field = (pick: (r: SystemStatsRecord) => number) => mean(records, pick);
  const loads = records.flatMap((r) => (r.load_average ? [r.load_average] : []));
  const load_average =
    loads.length > 0
      ? {
          one: mean(loads, (l) => l.one),
          five: mean(loads, (l) => l.five),
          fifteen: mean(loads, (l) => l.fifteen),
        }
      : undefined;
  return {
    ts,
    sid,
    cpu_perc: field((r) => r.cpu_perc),
    ...(load_average ? { load_average } : {}),
    mem_used_gb: field((r) => r.mem_used_gb),
    mem_total_gb: field((r) => r.mem_total_gb),
    disk_used_gb: field((r) => r.disk_used_gb),
    disk_total_gb: field((r) => r.disk_total_gb),
    disks: averageDisks(records),
    network_ingress_bytes: field((r) => r.network_ingress_bytes),
    network_egress_bytes: field((r) => r.network_egress_bytes),
  };
}

/**
 * Per mount, over the records that report it (a mount may come or go within a bucket), in the
 * order mounts first appear; the file system is the latest one seen.
 */
function averageDisks(records: SystemStatsRecord[]): DiskUsage[] {
  const mounts = new Map<string, DiskUsage[]>();
  for (const record of records) {
    for (const disk of record.disks) {
      const list = mounts.get(disk.mount);
      if (list) list.push(disk);
      else mounts.set(disk.mount, [disk]);
    }
  }
  return [...mounts.entries()].map(([mount, disks]) => ({
    mount,
    file_system: disks[disks.length - 1].file_system ?? '',
    used_gb: disks.reduce((sum, d) => sum + d.used_gb, 0) / disks.length,
    total_gb: disks.reduce((sum, d) => sum + d.total_gb, 0) / disks.length,
  }));
}
