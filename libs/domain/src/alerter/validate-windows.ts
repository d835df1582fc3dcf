import { MAINTENANCE_SCHEDULE_TYPES, type MaintenanceWindow } from '../resources/configs/common';
import { parseDate, weekdayOf } from './maintenance-window';
import { isKnownTimeZone } from './zoned-time';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A week: the longest window that still ends before its next occurrence starts. */
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;

const isInt = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Every window that could never hold as written: an hour, minute or duration out of range, a
 * timezone `Intl` does not know, a Weekly window without an English day name, a OneTime window
 * without a real YYYY-MM-DD date. Each problem names its field: `maintenance_windows[1].hour`.
 */
export function maintenanceWindowErrors(
  windows: readonly MaintenanceWindow[],
  field = 'maintenance_windows',
): FieldProblem[] {
  const errors: FieldProblem[] = [];
  windows.forEach((window, i) => {
    const add = (name: string, reason: string) => {
      const path = `${field}[${i}].${name}`;
      errors.push({ field: path, message: `${path}: ${reason}` });
    };
    if (!MAINTENANCE_SCHEDULE_TYPES.includes(window.schedule_type))
      add('schedule_type', `'${window.schedule_type}' is not Daily, Weekly or OneTime`);
    if (!isInt(window.hour, 0, 23)) add('hour', `${window.hour} is not an hour (0-23)`);
    if (!isInt(window.minute, 0, 59)) add('minute', `${window.minute} is not a minute (0-59)`);
    if (!isInt(window.duration_minutes, 1, MAX_WINDOW_MINUTES))
      add(
        'duration_minutes',
        `${window.duration_minutes} is not a duration in minutes (1-${MAX_WINDOW_MINUTES}, a week)`,
      );
    if (window.timezone && !isKnownTimeZone(window.timezone))
      add('timezone', `'${window.timezone}' is not an IANA timezone (e.g. Europe/Berlin, UTC)`);
    if (window.schedule_type === 'Weekly' && weekdayOf(window.day_of_week) === undefined)
      add('day_of_week', `'${window.day_of_week}' is not a day of the week (Monday ... Sunday)`);
    if (window.schedule_type === 'OneTime' && !parseDate(window.date))
      add('date', `'${window.date}' is not a date (YYYY-MM-DD)`);
  });
  return errors;
}
