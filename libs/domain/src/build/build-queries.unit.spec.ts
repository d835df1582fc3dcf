import type { BuildRun } from './build-record';
import { buildMonthlyStats, commonBuildExtraArgs, listBuildVersions } from './build-queries';

const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });
const DAY = 86_400_000;
const run = (
  outcome: BuildRun['outcome'],
  version: BuildRun['version'],
  started_at: number,
  ended_at = started_at + 60_000,
): BuildRun => ({
  outcome,
  update_id: `u${started_at}`,
  version,
  started_at,
  ended_at,
});

describe('ListBuildVersions', () => {
  const runs = [
    run('Built', v(0, 0, 0), 1),
    run('Built', v(0, 0, 1), 2),
    run('Failed', v(0, 0, 2), 3),
    run('Built', v(0, 0, 2), 4),
    run('Built', v(1, 0, 0), 5),
    run('Cancelled', v(1, 0, 1), 6),
  ];

  it('lists the versions built, newest build first, without 0.0.0, failed or cancelled runs', () => {
    expect(listBuildVersions(runs)).toEqual([
      { version: v(1, 0, 0), ts: 5 },
      { version: v(0, 0, 2), ts: 4 },
      { version: v(0, 0, 1), ts: 2 },
    ]);
  });

  it('filters by the parts given and limits', () => {
    expect(listBuildVersions(runs, { major: 0 }).map((i) => i.ts)).toEqual([4, 2]);
    expect(listBuildVersions(runs, { major: 0, patch: 1 }).map((i) => i.ts)).toEqual([2]);
    expect(listBuildVersions(runs, { limit: 1 }).map((i) => i.ts)).toEqual([5]);
  });
});

describe('ListCommonBuildExtraArgs', () => {
  it('gives each extra arg once, sorted, without blanks', () => {
    expect(
      commonBuildExtraArgs([
        { extra_args: ['--pull', '--no-cache'] },
        { extra_args: ['--no-cache', ' '] },
        { extra_args: [] },
      ]),
    ).toEqual(['--no-cache', '--pull']);
  });
});

describe('GetBuildMonthlyStats', () => {
  const now = 100 * DAY + 5_000;

  it('counts 30 days up to today, each run on the day it started, its time in hours', () => {
    const stats = buildMonthlyStats(
      [
        { started_at: 100 * DAY + 1_000, ended_at: 100 * DAY + 1_000 + 1_800_000 },
        { started_at: 100 * DAY + 2_000, ended_at: 100 * DAY + 2_000 + 3_600_000 },
        { started_at: 71 * DAY, ended_at: 71 * DAY + 360_000 },
        { started_at: 70 * DAY + 5, ended_at: 70 * DAY + 10 },
      ],
      now,
    );
    expect(stats.days).toHaveLength(30);
    expect(stats.days[0]).toEqual({ ts: 71 * DAY, count: 1, time: 0.1 });
    expect(stats.days[29]).toEqual({ ts: 100 * DAY, count: 2, time: 1.5 });
    expect(stats.total_count).toBe(3);
    expect(stats.total_time).toBeCloseTo(1.6);
  });

  it('pages back 30 days at a time', () => {
    const stats = buildMonthlyStats(
      [{ started_at: 70 * DAY + 5, ended_at: 70 * DAY + 10 }],
      now,
      1,
    );
    expect(stats.days[0].ts).toBe(41 * DAY);
    expect(stats.days[29]).toMatchObject({ ts: 70 * DAY, count: 1 });
  });
});

describe('buildMonthlyStats at a page far in the past', () => {
  it('answers thirty empty days, where stepping by time would never end', () => {
    const stats = buildMonthlyStats([], Date.UTC(2026, 11, 6), 1e20);
    expect(stats.days).toHaveLength(30);
    expect(stats.total_count).toBe(0);
  });
});
