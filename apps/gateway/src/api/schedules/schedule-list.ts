import type { Types } from 'komodo_client';
import type { ScheduleSortBy } from '@monitor/contracts';
import { scheduleInfo, type Resource, type ScheduledKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** Komodo's Schedule, its target one of Monitor's scheduled kinds. */
export type ScheduleItem = Omit<Types.Schedule, 'target'> & {
  target: { type: ScheduledKind; id: string };
};

/**
 * A Procedure's or Action's schedule as ListSchedules shows it: its next run computed as the
 * scheduler does (the same zone fallback), its last run the newest run's start.
 */
export function scheduleItem(
  readModel: ReadModel,
  resource: Resource<ScheduledKind>,
  timezone: string,
  nowMs: number,
): ScheduleItem {
  const { config } = resource;
  const lastRun = readModel.executions
    .forTarget(resource.kind, resource.id)
    .find((run) => run.operation === `Run${resource.kind}`);
  return {
    target: { type: resource.kind, id: resource.id },
    name: resource.name,
    schedule_format: config.schedule_format as Types.ScheduleFormat,
    schedule: config.schedule,
    enabled: config.schedule_enabled,
    schedule_timezone: config.schedule_timezone,
    last_run_at: lastRun?.startTs,
    ...scheduleInfo(config, timezone, nowMs),
    tags: resource.tags,
  };
}

type Compare = (a: ScheduleItem, b: ScheduleItem) => number;

const byName: Compare = (a, b) => a.name.localeCompare(b.name);

/** Komodo's orders, each falling back to the name, so a descending sort is fully descending. */
const ORDERS: Record<ScheduleSortBy, Compare> = {
  Name: byName,
  Schedule: (a, b) => a.schedule.localeCompare(b.schedule) || byName(a, b),
  // Unscheduled (no next run) last, as Komodo's UI.
  NextRun: (a, b) =>
    Number(a.next_scheduled_run === undefined) - Number(b.next_scheduled_run === undefined) ||
    (a.next_scheduled_run ?? 0) - (b.next_scheduled_run ?? 0) ||
    byName(a, b),
  Enabled: (a, b) => Number(a.enabled) - Number(b.enabled) || byName(a, b),
};

export function sortSchedules(
  items: ScheduleItem[],
  sortBy: ScheduleSortBy = 'Name',
  desc = false,
) {
  const compare = ORDERS[sortBy];
  return [...items].sort(desc ? (a, b) => compare(b, a) : compare);
}
