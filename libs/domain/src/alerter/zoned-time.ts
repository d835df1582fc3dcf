/**
 * Wall-clock time in an IANA zone with `Intl` alone: the parts of an instant, and the instant of
 * a wall-clock time, resolved as Temporal's 'compatible' does across DST changes.
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();
const instants = new Map<string, number>();

/** Whether `Intl` knows the zone; a format built for an unknown one throws a RangeError. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

export function wallTimeAt(ms: number, zone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(ms)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** How far the zone's clock is ahead of UTC at this instant, in ms (whole seconds). */
function offsetAt(ms: number, zone: string): number {
  const wall = wallTimeAt(ms, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a zone's clock shows this date and time. A time the clock shows twice (autumn)
 * is its first showing; a time it skips (spring) is read with the offset before the change,
 * so 02:30 on the day Berlin jumps from 02:00 to 03:00 is 03:30 summer time.
 */
export function instantOf(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  zone: string,
): number {
  const key = `${zone} ${date.year}-${date.month}-${date.day} ${hour}:${minute}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  // Each decision asks for the same few starts: remember them (a zone's rules do not change
  // while the process runs), forgetting all now and then to stay bounded.
  if (instants.size >= 10_000) instants.clear();
  const instant = resolveInstant(date, hour, minute, zone);
  instants.set(key, instant);
  return instant;
}

function resolveInstant(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  zone: string,
): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const before = offsetAt(asUtc - DAY_MS, zone);
  const after = offsetAt(asUtc + DAY_MS, zone);
  const shows = (instant: number) => {
    const wall = wallTimeAt(instant, zone);
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) === asUtc;
  };
  const candidates = [asUtc - before, asUtc - after].filter(shows).sort((a, b) => a - b);
  return candidates[0] ?? asUtc - before;
}

/** The calendar date `days` after this one (negative: before). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
    weekday: moved.getUTCDay(),
  };
}
