import type { Resource } from '@monitor/domain';
import { ScheduleBook } from './schedule-book';

const T = Date.parse('2026-06-01T12:00:00Z');

function procedure(schedule: string, revision = 0, updatedAt = T - 3_600_000, enabled = true) {
  return {
    id: 'p1',
    kind: 'Procedure',
    revision,
    updatedAt,
    config: {
      schedule_format: 'Cron',
      schedule,
      schedule_enabled: enabled,
      schedule_timezone: '',
    },
  } as unknown as Resource<'Procedure'>;
}

describe('ScheduleBook (which ticks a pass claims)', () => {
  it('first looks back the catch-up window, then only at ticks since the last look', () => {
    const book = new ScheduleBook('UTC', 5_000);
    const everySecond = procedure('* * * * * *');
    expect(book.due(everySecond, undefined, T)).toEqual([
      T - 4000,
      T - 3000,
      T - 2000,
      T - 1000,
      T,
    ]);
    expect(book.due(everySecond, T, T + 400)).toEqual([]);
    expect(book.due(everySecond, T + 400, T + 1005)).toEqual([T + 1000]);
    expect(book.due(everySecond, T + 1005, T + 3005)).toEqual([T + 2000, T + 3000]);
  });

  it('never goes back before the last write', () => {
    const book = new ScheduleBook('UTC', 60_000);
    expect(book.due(procedure('* * * * * *', 0, T - 1500), undefined, T)).toEqual([T - 1000, T]);
  });

  it('reads a new revision again, from the last look', () => {
    const book = new ScheduleBook('UTC', 60_000);
    expect(book.due(procedure('0 0 0 1 1 *'), undefined, T)).toEqual([]);
    expect(book.due(procedure('*/2 * * * * *', 1, T + 100), T, T + 4005)).toEqual([
      T + 2000,
      T + 4000,
    ]);
    expect(book.due(procedure('*/2 * * * * *', 2, T + 4100, false), T + 4005, T + 6005)).toEqual(
      [],
    );
  });

  it('skips the ticks older than the window after a held-up pass', () => {
    const book = new ScheduleBook('UTC', 2_000);
    const everySecond = procedure('* * * * * *');
    expect(book.due(everySecond, undefined, T)).toEqual([T - 1000, T]);
    expect(book.due(everySecond, T, T + 10_000)).toEqual([T + 9000, T + 10_000]);
  });
});
