import type { ProcedureConfig } from '@monitor/contracts';

/** The schedule fields Procedures and Actions share, as the Schedule tab edits them. */
export type ScheduleFields = Pick<
  ProcedureConfig,
  'schedule_format' | 'schedule' | 'schedule_timezone' | 'schedule_enabled' | 'schedule_alert'
>;

/** A Procedure's or Action's schedule fields, with Komodo's defaults for those missing. */
export function scheduleFieldsOf(config: unknown): ScheduleFields {
  const c = config as Partial<ScheduleFields>;
  return {
    schedule_format: c.schedule_format ?? 'English',
    schedule: c.schedule ?? '',
    schedule_timezone: c.schedule_timezone ?? '',
    schedule_enabled: c.schedule_enabled ?? true,
    schedule_alert: c.schedule_alert ?? true,
  };
}

/** The fields that differ from those saved: what a save sends. */
export function changedScheduleFields(
  saved: ScheduleFields,
  edited: ScheduleFields,
): Partial<ScheduleFields> {
  const changed: Partial<ScheduleFields> = {};
  for (const key of Object.keys(edited) as (keyof ScheduleFields)[]) {
    if (edited[key] !== saved[key]) Object.assign(changed, { [key]: edited[key] });
  }
  return changed;
}

/** How each format is written, shown under the expression. */
export const SCHEDULE_HINTS: Record<ScheduleFields['schedule_format'], string> = {
  Cron: 'six fields, seconds first: second minute hour day-of-month month day-of-week (e.g. 0 0 3 * * *)',
  English: "e.g. 'every day at 3:00 am', 'at 10:00 am every Monday', 'every 15 minutes'",
};
