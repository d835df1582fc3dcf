import { scheduleInfo, type Resource, type ScheduledKind } from '@monitor/domain';

/**
 * A Procedure's or Action's list info with Komodo's `next_scheduled_run` (absent when the
 * schedule is off or empty) or `schedule_error`, computed as the scheduler computes its ticks.
 */
export function withScheduleInfo<K extends ScheduledKind>(
  info: (resource: Resource<K>) => Record<string, unknown>,
  timezone: string,
): (resource: Resource<K>) => Record<string, unknown> {
  return (resource) => ({
    ...info(resource),
    ...scheduleInfo(resource.config, timezone, Date.now()),
  });
}
