import type { Alert } from '../alerts/alert';
import type { ResourceKind } from '../kinds';
import type { ScheduleFormat } from '../procedure/procedure.config';
import { nextTick, parseSchedule, scheduleTimezone, type Schedule } from './schedule';

/** The schedule fields Procedures and Actions share (Komodo's). */
export interface ScheduleFields {
  schedule_format: ScheduleFormat;
  schedule: string;
  schedule_enabled: boolean;
  schedule_timezone: string;
}

/** What a resource's schedule is now: none, one that ticks, or one that does not read. */
export type ScheduleState =
  { kind: 'none' } | { kind: 'ticks'; schedule: Schedule } | { kind: 'error'; error: string };

export function scheduleState(config: ScheduleFields, configuredTimezone: string): ScheduleState {
  if (!config.schedule_enabled || !config.schedule.trim()) return { kind: 'none' };
  const result = parseSchedule(
    config.schedule_format,
    config.schedule,
    scheduleTimezone(config.schedule_timezone, configuredTimezone),
  );
  return 'problem' in result
    ? { kind: 'error', error: result.problem }
    : { kind: 'ticks', schedule: result.schedule };
}

/** Komodo's list info: the next run after `nowMs`, or why there is none. */
export function scheduleInfo(
  config: ScheduleFields,
  configuredTimezone: string,
  nowMs: number,
): { next_scheduled_run?: number; schedule_error?: string } {
  const state = scheduleState(config, configuredTimezone);
  if (state.kind === 'error') return { schedule_error: state.error };
  const next = state.kind === 'ticks' ? nextTick(state.schedule, nowMs) : undefined;
  return next === undefined ? {} : { next_scheduled_run: next };
}

/** At most this many ticks are claimed in one pass (an every-second schedule after a long pause). */
const MAX_TICKS_PER_PASS = 120;

/**
 * The ticks in (`afterMs`, `untilMs`]: those a replica must try to claim when it looks at
 * `untilMs` having last looked at `afterMs`. The caller bounds `afterMs` by its catch-up window
 * and by when the schedule was written, so no tick older than either is ever run.
 */
export function dueTicks(schedule: Schedule, afterMs: number, untilMs: number): number[] {
  const ticks: number[] = [];
  for (
    let at = nextTick(schedule, afterMs);
    at !== undefined && at <= untilMs;
    at = nextTick(schedule, at)
  ) {
    ticks.push(at);
    if (ticks.length === MAX_TICKS_PER_PASS) break;
  }
  return ticks;
}

/** Where looking for missed ticks starts: the last look, but never before the catch-up window or the write. */
export function claimFrom(
  lastLookMs: number | undefined,
  nowMs: number,
  catchUpMs: number,
  writtenAtMs: number,
): number {
  return Math.max(lastLookMs ?? nowMs - catchUpMs, nowMs - catchUpMs, writtenAtMs);
}

/** The kinds that have schedules (Actions once the kind exists). */
export type ScheduledKind = Extract<ResourceKind, 'Procedure' | 'Action'>;

/** Komodo's `ScheduleRun`: told when a scheduled run starts, born resolved, level OK. */
export function scheduleRunAlert(
  alertId: string,
  target: { kind: ScheduledKind; id: string; name: string },
  nowMs: number,
): Alert {
  return {
    id: alertId,
    ts: nowMs,
    resolved: true,
    resolved_ts: nowMs,
    level: 'OK',
    target: { type: target.kind, id: target.id },
    data: {
      type: 'ScheduleRun',
      data: { id: target.id, name: target.name, resource_type: target.kind },
    },
  };
}
