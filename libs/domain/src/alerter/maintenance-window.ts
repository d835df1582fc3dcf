import type { MaintenanceWindow } from '../resources/configs/common';
import { addDays, instantOf, isKnownTimeZone, wallTimeAt } from './zoned-time';

export type WindowAt = { inside: false } | { inside: true; until: number };

const MINUTE_MS = 60_000;
/** Komodo's DayOfWeek spellings: `Monday`, `monday`, `Mon`, `mon` (Thursday: `Thurs`). */
const DAYS = new Map(
  [
    'Sunday Sun',
    'Monday Mon',
    'Tuesday Tue',
    'Wednesday Wed',
    'Thursday Thurs',
    'Friday Fri',
    'Saturday Sat',
  ].flatMap((names, weekday) =>
    names
      .split(' ')
      .flatMap((n) => [n, n.toLowerCase()])
      .map((n) => [n, weekday] as const),
  ),
);

/** 0 = Sunday ... 6 = Saturday, for a day name as Komodo reads it; undefined if it is none. */
export function weekdayOf(name: string): number | undefined {
  return DAYS.get(name);
}

/** `YYYY-MM-DD` that names a real day. */
export function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const check = addDays({ year, month, day }, 0);
  return check.year === year && check.month === month && check.day === day
    ? { year, month, day }
    : undefined;
}

/**
 * Whether `nowMs` is inside the window, and when the occurrence holding it ends. A window starts
 * at its hour and minute on the clock of its timezone (empty: UTC) and lasts `duration_minutes`
 * of real time, so one crossing midnight (23:00 + 120 min) holds until 01:00 the next day, and a
 * Weekly or OneTime window runs on past its day. The end is excluded. A start the clock skips
 * or shows twice is resolved as `instantOf` says. A disabled window, an unknown timezone, day
 * or date never hold (Komodo's reading of a window it cannot parse).
 */
export function windowAt(window: MaintenanceWindow, nowMs: number): WindowAt {
  const zone = window.timezone || 'UTC';
  const duration = window.duration_minutes * MINUTE_MS;
  if (!window.enabled || !(duration > 0) || !isKnownTimeZone(zone)) return { inside: false };
  const startsOn = startDay(window);
  if (!startsOn) return { inside: false };
  const today = wallTimeAt(nowMs, zone);
  let until: number | undefined;
  // An occurrence that started up to `duration` ago may still run: look back that many days.
  for (let back = 0; back <= Math.ceil(window.duration_minutes / 1440); back++) {
    const day = addDays(today, -back);
    if (!startsOn(day)) continue;
    const start = instantOf(day, window.hour, window.minute, zone);
    const end = start + duration;
    if (start <= nowMs && nowMs < end) until = Math.max(until ?? end, end);
  }
  return until === undefined ? { inside: false } : { inside: true, until };
}

/** Whether any of the windows holds `nowMs`, and the latest end among those that do. */
export function windowsAt(windows: readonly MaintenanceWindow[], nowMs: number): WindowAt {
  let until: number | undefined;
  for (const window of windows) {
    const at = windowAt(window, nowMs);
    if (at.inside) until = Math.max(until ?? at.until, at.until);
  }
  return until === undefined ? { inside: false } : { inside: true, until };
}

type Day = { year: number; month: number; day: number; weekday: number };

function startDay(window: MaintenanceWindow): ((day: Day) => boolean) | undefined {
  switch (window.schedule_type) {
    case 'Daily':
      return () => true;
    case 'Weekly': {
      const weekday = weekdayOf(window.day_of_week);
      return weekday === undefined ? undefined : (day) => day.weekday === weekday;
    }
    case 'OneTime': {
      const date = parseDate(window.date);
      if (!date) return undefined;
      return (day) => day.year === date.year && day.month === date.month && day.day === date.day;
    }
    default:
      return undefined;
  }
}
