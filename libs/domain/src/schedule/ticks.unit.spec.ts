import { claimFrom, dueTicks, scheduleInfo, scheduleRunAlert, scheduleState } from './ticks';

const every = (schedule: string, more = {}) => ({
  schedule_format: 'English' as const,
  schedule,
  schedule_enabled: true,
  schedule_timezone: '',
  ...more,
});
const at = (iso: string) => Date.parse(iso);

describe('schedule ticks', () => {
  it('has no schedule when disabled or empty, an error when it does not read', () => {
    expect(scheduleState(every('every second', { schedule_enabled: false }), 'UTC')).toEqual({
      kind: 'none',
    });
    expect(scheduleState(every('  '), 'UTC')).toEqual({ kind: 'none' });
    expect(scheduleState(every('every full moon'), 'UTC')).toEqual({
      kind: 'error',
      error: expect.stringContaining("'full'"),
    });
  });

  it('answers the next run, in the configured zone when the schedule names none', () => {
    const now = at('2026-06-01T12:00:00Z');
    expect(scheduleInfo(every('every day at 9:00 am'), 'Europe/Berlin', now)).toEqual({
      next_scheduled_run: at('2026-06-02T07:00:00Z'),
    });
    expect(
      scheduleInfo(
        every('every day at 9:00 am', { schedule_timezone: 'UTC' }),
        'Europe/Berlin',
        now,
      ),
    ).toEqual({
      next_scheduled_run: at('2026-06-02T09:00:00Z'),
    });
    expect(scheduleInfo(every('at 99:00'), 'UTC', now)).toEqual({
      schedule_error: expect.stringMatching(/^schedule: /),
    });
    expect(scheduleInfo(every(''), 'UTC', now)).toEqual({});
  });

  it('lists the ticks between two looks, the first excluded and the last included', () => {
    const state = scheduleState(every('every second'), 'UTC');
    if (state.kind !== 'ticks') throw new Error('no schedule');
    expect(
      dueTicks(state.schedule, at('2026-06-01T12:00:00Z'), at('2026-06-01T12:00:03Z')),
    ).toEqual([at('2026-06-01T12:00:01Z'), at('2026-06-01T12:00:02Z'), at('2026-06-01T12:00:03Z')]);
    expect(
      dueTicks(state.schedule, at('2026-06-01T12:00:00.200Z'), at('2026-06-01T12:00:00.900Z')),
    ).toEqual([]);
    expect(dueTicks(state.schedule, 0, at('2026-06-01T12:00:00Z'))).toHaveLength(120);
  });

  it('catches up missed ticks within the window, never before it nor before the write', () => {
    const now = at('2026-06-01T12:00:00Z');
    expect(claimFrom(undefined, now, 60_000, 0)).toBe(now - 60_000);
    expect(claimFrom(now - 5_000, now, 60_000, 0)).toBe(now - 5_000);
    expect(claimFrom(now - 600_000, now, 60_000, 0)).toBe(now - 60_000);
    expect(claimFrom(undefined, now, 60_000, now - 10_000)).toBe(now - 10_000);
  });

  it('tells a scheduled run as ScheduleRun', () => {
    expect(scheduleRunAlert('a1', { kind: 'Procedure', id: 'p1', name: 'nightly' }, 5)).toEqual({
      id: 'a1',
      ts: 5,
      resolved: true,
      resolved_ts: 5,
      level: 'OK',
      target: { type: 'Procedure', id: 'p1' },
      data: {
        type: 'ScheduleRun',
        data: { id: 'p1', name: 'nightly', resource_type: 'Procedure' },
      },
    });
  });
});
