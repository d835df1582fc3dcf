import type { ScheduleFormat } from '../procedure/procedure.config';
import { parseSchedule } from './schedule';

/** The schedule fields Procedures and Actions share (Komodo's). */
const SCHEDULE_FIELDS = ['schedule', 'schedule_format', 'schedule_timezone'];

/**
 * A schedule written on Create or Update must read, whether enabled or not: a bad one would
 * otherwise only show as `schedule_error` later. `whole` is the config once the write is applied,
 * since a new format or zone can break an expression the write did not touch. An empty zone is
 * checked in UTC: the configured zone is checked when Monitor starts.
 */
export function validateScheduleConfig(
  changed: Record<string, unknown>,
  whole: Record<string, unknown>,
): { field: string; message: string }[] {
  if (!SCHEDULE_FIELDS.some((field) => field in changed)) return [];
  const expression = String(whole.schedule ?? '');
  const timezone = String(whole.schedule_timezone ?? '').trim();
  if (!expression.trim() && !timezone) return [];
  const result = expression.trim()
    ? parseSchedule(
        (whole.schedule_format as ScheduleFormat | undefined) ?? 'English',
        expression,
        timezone || 'UTC',
      )
    : parseSchedule('Cron', '* * * * * *', timezone);
  if (!('problem' in result)) return [];
  const field = result.problem.startsWith('schedule_timezone') ? 'schedule_timezone' : 'schedule';
  return [{ field, message: result.problem }];
}
