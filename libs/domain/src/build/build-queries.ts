import type { Version } from '../resources/configs/common';
import type { BuildRun } from './build-record';
import { isNoVersion } from './version';

/** Komodo's BuildVersionResponseItem: a version built, and when its build started. */
export interface BuildVersionItem {
  version: Version;
  ts: number;
}

export interface BuildVersionFilter {
  major?: number;
  minor?: number;
  patch?: number;
  limit?: number;
}

/**
 * ListBuildVersions: the versions successfully built, newest build first, 0.0.0 left out (a
 * pinned build with no version), filtered by any part given, at most `limit` (none: all).
 */
export function listBuildVersions(
  runs: readonly BuildRun[],
  filter: BuildVersionFilter = {},
): BuildVersionItem[] {
  const matches = (v: Version) =>
    (filter.major === undefined || v.major === filter.major) &&
    (filter.minor === undefined || v.minor === filter.minor) &&
    (filter.patch === undefined || v.patch === filter.patch);
  const items = runs
    .filter((r) => r.outcome === 'Built' && !isNoVersion(r.version) && matches(r.version))
    .map((r) => ({ version: r.version, ts: r.started_at }))
    .reverse();
  return filter.limit && filter.limit > 0 ? items.slice(0, filter.limit) : items;
}

/** ListCommonBuildExtraArgs: every extra arg the builds use, once each, sorted; blanks left out. */
export function commonBuildExtraArgs(configs: readonly { extra_args: string[] }[]): string[] {
  const args = new Set(configs.flatMap((c) => c.extra_args).filter((a) => a.trim()));
  return [...args].sort();
}

/** Komodo's BuildStatsDay: builds that started that day (UTC), and their hours. */
export interface BuildStatsDay {
  time: number;
  count: number;
  ts: number;
}

export interface BuildMonthlyStats {
  total_time: number;
  total_count: number;
  days: BuildStatsDay[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * GetBuildMonthlyStats, as Komodo counts: page 0 is the 30 days up to the end of today (UTC),
 * page 1 the 30 before, ...; every finished run (built, failed or cancelled) counts on the day
 * it started, with its duration in hours. Days come oldest first.
 */
export function buildMonthlyStats(
  runs: readonly Pick<BuildRun, 'started_at' | 'ended_at'>[],
  now: number,
  page = 0,
): BuildMonthlyStats {
  const close = now - (now % DAY_MS) + DAY_MS - page * 30 * DAY_MS;
  const open = close - 30 * DAY_MS;
  // Counted, not stepped by time: at a huge page `ts + DAY_MS` rounds back to `ts`.
  const list: BuildStatsDay[] = Array.from({ length: 30 }, (_, i) => ({
    time: 0,
    count: 0,
    ts: open + i * DAY_MS,
  }));
  for (const run of runs) {
    const index = Math.floor((run.started_at - open) / DAY_MS);
    const day = index >= 0 && index < 30 ? list[index] : undefined;
    if (!day) continue;
    day.count += 1;
    day.time += (run.ended_at - run.started_at) / HOUR_MS;
  }
  return {
    total_time: list.reduce((sum, d) => sum + d.time, 0),
    total_count: list.reduce((sum, d) => sum + d.count, 0),
    days: list,
  };
}
