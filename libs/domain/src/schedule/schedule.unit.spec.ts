import type { ScheduleFormat } from '../procedure/procedure.config';
import { nextTick, parseSchedule, scheduleTimezone, type Schedule } from './schedule';

function read(format: ScheduleFormat, expression: string, timezone: string): Schedule {
  const result = parseSchedule(format, expression, timezone);
  if ('problem' in result) throw new Error(result.problem);
  return result.schedule;
}

/** The next `count` ticks after a fake clock's `from`, as ISO instants. */
function ticks(schedule: Schedule, from: string, count: number): string[] {
  const out: string[] = [];
  let at = Date.parse(from);
  for (let i = 0; i < count; i++) {
    at = nextTick(schedule, at)!;
    out.push(new Date(at).toISOString());
  }
  return out;
}

describe('parseSchedule and nextTick over a fake clock', () => {
  it.each<[ScheduleFormat, string, string, string, string[]]>([
    [
      'Cron',
      '* * * * * *',
      'UTC',
      '2026-06-01T12:00:00.400Z',
      ['2026-06-01T12:00:01.000Z', '2026-06-01T12:00:02.000Z'],
    ],
    [
      'Cron',
      '0 */5 * * * *',
      'UTC',
      '2026-06-01T12:00:00.000Z',
      ['2026-06-01T12:05:00.000Z', '2026-06-01T12:10:00.000Z'],
    ],
    [
      'English',
      'every day at 4:00 pm',
      'Asia/Tokyo',
      '2026-06-01T00:00:00Z',
      ['2026-06-01T07:00:00.000Z', '2026-06-02T07:00:00.000Z'],
    ],
    [
      'English',
      'at noon every Sunday',
      'America/New_York',
      '2026-06-01T00:00:00Z',
      ['2026-06-07T16:00:00.000Z', '2026-06-14T16:00:00.000Z'],
    ],
    [
      'Cron',
      '0 0 9 * * 1-5',
      'Asia/Kolkata',
      '2026-06-05T00:00:00Z',
      ['2026-06-05T03:30:00.000Z', '2026-06-08T03:30:00.000Z'],
    ],
    // Komodo's cron needs day-of-month and day-of-week both: the 1st that is a Monday
    [
      'Cron',
      '0 0 0 1 * MON',
      'UTC',
      '2026-01-01T00:00:00Z',
      ['2026-06-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z'],
    ],
    // spring forward: 02:30 does not exist that night, the tick runs once at 03:00, then 02:30 again
    [
      'English',
      'every day at 2:30 am',
      'Europe/Berlin',
      '2026-03-28T12:00:00Z',
      ['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z'],
    ],
    [
      'Cron',
      '0 30 2 * * *',
      'America/New_York',
      '2026-03-07T12:00:00Z',
      ['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z'],
    ],
    // fall back: 02:30 Berlin and 01:30 New York happen twice that night, the tick runs once
    [
      'Cron',
      '0 30 2 * * *',
      'Europe/Berlin',
      '2026-10-24T12:00:00Z',
      ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'],
    ],
    [
      'English',
      'every day at 1:30 am',
      'America/New_York',
      '2026-10-31T12:00:00Z',
      ['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ],
    // an interval keeps real time through the repeated hour
    [
      'English',
      'every 30 minutes',
      'Europe/Berlin',
      '2026-10-24T23:50:00Z',
      [
        '2026-10-25T00:00:00.000Z',
        '2026-10-25T00:30:00.000Z',
        '2026-10-25T01:00:00.000Z',
        '2026-10-25T01:30:00.000Z',
      ],
    ],
  ])('%s %s in %s after %s', (format, expression, timezone, from, expected) => {
    expect(ticks(read(format, expression, timezone), from, expected.length)).toEqual(expected);
  });

  it('gives a five-field cron its six-field form', () => {
    expect(parseSchedule('Cron', '*/5 * * * *', 'UTC')).toEqual({
      problem: expect.stringContaining("add the seconds: '0 */5 * * * *'"),
    });
  });

  it.each<[ScheduleFormat, string, string, RegExp]>([
    ['Cron', '0 61 * * * *', 'UTC', /^schedule: .*minute/],
    ['Cron', '0 0 * * * * 2027', 'UTC', /^schedule: .*has 7/],
    ['Cron', '', 'UTC', /^schedule: .*has 0/],
    ['English', 'every blue moon', 'UTC', /^schedule: .*'blue'/],
    ['Cron', '* * * * * *', 'Mars/Olympus', /^schedule_timezone 'Mars\/Olympus'/],
  ])('%s %s in %s is a problem', (format, expression, timezone, why) => {
    const result = parseSchedule(format, expression, timezone);
    expect('problem' in result && result.problem).toMatch(why);
  });

  it('evaluates in the resource zone, or the configured one when it has none', () => {
    expect(scheduleTimezone('', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(scheduleTimezone('Asia/Tokyo', 'Europe/Berlin')).toBe('Asia/Tokyo');
  });
});
