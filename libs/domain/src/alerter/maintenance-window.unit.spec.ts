import type { MaintenanceWindow } from '../resources/configs/common';
import { windowAt, windowsAt } from './maintenance-window';
import { instantOf } from './zoned-time';

const at = (iso: string) => Date.parse(iso);
const window = (over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  name: 'w',
  description: '',
  schedule_type: 'Daily',
  day_of_week: '',
  date: '',
  hour: 2,
  minute: 0,
  duration_minutes: 60,
  timezone: '',
  enabled: true,
  ...over,
});

const daily2330Berlin = window({ hour: 2, minute: 30, timezone: 'Europe/Berlin' });

describe('windowAt: given a window and a fixed clock', () => {
  it.each<[string, Partial<MaintenanceWindow>, string, string | undefined]>([
    ['inside a daily UTC window', {}, '2026-03-10T02:30:00Z', '2026-03-10T03:00:00Z'],
    ['at its start', {}, '2026-03-10T02:00:00Z', '2026-03-10T03:00:00Z'],
    ['a minute before it', {}, '2026-03-10T01:59:00Z', undefined],
    ['at its end (excluded)', {}, '2026-03-10T03:00:00Z', undefined],
    ['disabled', { enabled: false }, '2026-03-10T02:30:00Z', undefined],
    [
      'crossing midnight, before it',
      { hour: 23, duration_minutes: 120 },
      '2026-03-10T23:30:00Z',
      '2026-03-11T01:00:00Z',
    ],
    [
      'crossing midnight, after it: the occurrence of the day before',
      { hour: 23, duration_minutes: 120 },
      '2026-03-11T00:30:00Z',
      '2026-03-11T01:00:00Z',
    ],
    [
      'crossing midnight, once over',
      { hour: 23, duration_minutes: 120 },
      '2026-03-11T01:00:00Z',
      undefined,
    ],
    [
      'in New York winter time (UTC-5)',
      { hour: 9, duration_minutes: 30, timezone: 'America/New_York' },
      '2026-01-15T14:10:00Z',
      '2026-01-15T14:30:00Z',
    ],
    [
      'in New York summer time (UTC-4)',
      { hour: 9, duration_minutes: 30, timezone: 'America/New_York' },
      '2026-07-15T13:10:00Z',
      '2026-07-15T13:30:00Z',
    ],
    [
      'Weekly on its day',
      { schedule_type: 'Weekly', day_of_week: 'Monday', hour: 23, duration_minutes: 120 },
      '2026-03-09T23:10:00Z',
      '2026-03-10T01:00:00Z',
    ],
    [
      'Weekly runs on past midnight into Tuesday',
      { schedule_type: 'Weekly', day_of_week: 'mon', hour: 23, duration_minutes: 120 },
      '2026-03-10T00:30:00Z',
      '2026-03-10T01:00:00Z',
    ],
    [
      'Weekly, not on Tuesday night',
      { schedule_type: 'Weekly', day_of_week: 'Monday', hour: 23, duration_minutes: 120 },
      '2026-03-10T23:30:00Z',
      undefined,
    ],
    [
      'OneTime on its date, Berlin winter time',
      {
        schedule_type: 'OneTime',
        date: '2026-03-10',
        hour: 10,
        duration_minutes: 90,
        timezone: 'Europe/Berlin',
      },
      '2026-03-10T09:30:00Z',
      '2026-03-10T10:30:00Z',
    ],
    [
      'OneTime, the day after',
      {
        schedule_type: 'OneTime',
        date: '2026-03-10',
        hour: 10,
        duration_minutes: 90,
        timezone: 'Europe/Berlin',
      },
      '2026-03-11T09:30:00Z',
      undefined,
    ],
    [
      'an unknown timezone never holds',
      { timezone: 'Mars/Olympus' },
      '2026-03-10T02:30:00Z',
      undefined,
    ],
    [
      'two days long: every day is inside, until the end of the latest occurrence',
      { duration_minutes: 2880 },
      '2026-03-10T12:00:00Z',
      '2026-03-12T02:00:00Z',
    ],
  ])('%s', (_name, over, now, until) => {
    const expected = until ? { inside: true, until: at(until) } : { inside: false };
    expect(windowAt(window(over), at(now))).toEqual(expected);
  });
});

describe('windowAt across DST changes in Europe/Berlin', () => {
  // 2026-03-29: 02:00 CET jumps to 03:00 CEST (at 01:00Z). 2026-10-25: 03:00 CEST back to 02:00 CET.
  it.each<[string, string, string | undefined]>([
    ['the day before spring forward: 02:30 CET', '2026-03-28T01:45:00Z', '2026-03-28T02:30:00Z'],
    [
      'spring forward: 02:30 does not exist, the window starts at 03:30 CEST',
      '2026-03-29T01:00:00Z',
      undefined,
    ],
    ['spring forward: inside from 03:30 CEST', '2026-03-29T01:45:00Z', '2026-03-29T02:30:00Z'],
    ['the day after: 02:30 CEST', '2026-03-30T00:45:00Z', '2026-03-30T01:30:00Z'],
    ['autumn: the first 02:30 (CEST) starts it', '2026-10-25T00:45:00Z', '2026-10-25T01:30:00Z'],
    [
      'autumn: the repeated 02:30 (CET) falls inside the same hour of real time',
      '2026-10-25T01:15:00Z',
      '2026-10-25T01:30:00Z',
    ],
    ['autumn: over after 60 real minutes', '2026-10-25T01:40:00Z', undefined],
  ])('%s', (_name, now, until) => {
    const expected = until ? { inside: true, until: at(until) } : { inside: false };
    expect(windowAt(daily2330Berlin, at(now))).toEqual(expected);
  });

  it('reads a wall-clock time the autumn clock shows twice as its first showing', () => {
    const date = { year: 2026, month: 10, day: 25 };
    expect(instantOf(date, 2, 30, 'Europe/Berlin')).toBe(at('2026-10-25T00:30:00Z'));
    expect(instantOf(date, 3, 30, 'Europe/Berlin')).toBe(at('2026-10-25T02:30:00Z'));
  });
});

describe('windowsAt', () => {
  it('holds while any window does, until the latest end among those that hold', () => {
    const windows = [
      window({ duration_minutes: 30 }),
      window({ duration_minutes: 90 }),
      window({ hour: 5 }),
    ];
    expect(windowsAt(windows, at('2026-03-10T02:10:00Z'))).toEqual({
      inside: true,
      until: at('2026-03-10T03:30:00Z'),
    });
    expect(windowsAt(windows, at('2026-03-10T04:00:00Z'))).toEqual({ inside: false });
    expect(windowsAt([], at('2026-03-10T02:10:00Z'))).toEqual({ inside: false });
  });
});
