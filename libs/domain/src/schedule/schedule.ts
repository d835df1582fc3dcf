import { Cron } from 'croner';
import { isKnownTimeZone } from '../alerter/zoned-time';
import type { ScheduleFormat } from '../procedure/procedure.config';
import { englishToCron } from './english';

/** A Procedure's or Action's schedule, read: its six-field cron, evaluated in `timezone`. */
export interface Schedule {
  cron: string;
  timezone: string;
  job: Cron;
}

export type ScheduleResult = { schedule: Schedule } | { problem: string };

/**
 * Reads a schedule as Komodo does (bin/core/src/schedule.rs): `Cron` is six fields, seconds
 * first, and day-of-month and day-of-week must both match; `English` is translated to that.
 * `timezone` is the resource's own, or Monitor's configured one when that is empty (so every
 * replica computes the same ticks): see `scheduleTimezone`.
 */
export function parseSchedule(
  format: ScheduleFormat,
  expression: string,
  timezone: string,
): ScheduleResult {
  if (!isKnownTimeZone(timezone)) {
    return {
      problem: `schedule_timezone '${timezone}' is not an IANA time zone (e.g. Europe/Berlin, UTC)`,
    };
  }
  const translated = format === 'English' ? englishToCron(expression) : sixFields(expression);
  if ('problem' in translated) return { problem: `schedule: ${translated.problem}` };
  try {
    const job = new Cron(translated.cron, { timezone, domAndDow: true, paused: true });
    return { schedule: { cron: translated.cron, timezone, job } };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      problem: `schedule: '${expression}' is not a valid ${format} schedule (cron '${translated.cron}'): ${why}`,
    };
  }
}

/** The first tick strictly after `afterMs`, or undefined when the schedule has no more. */
export function nextTick(schedule: Schedule, afterMs: number): number | undefined {
  return schedule.job.nextRun(new Date(afterMs))?.getTime();
}

/** The resource's own time zone, or Monitor's configured one when it names none. */
export function scheduleTimezone(own: string, configured: string): string {
  return own.trim() || configured;
}

function sixFields(expression: string): { cron: string } | { problem: string } {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 6) return { cron: fields.join(' ') };
  if (fields.length === 5) {
    return {
      problem: `a Cron schedule has six fields, seconds first; '${expression.trim()}' has five: add the seconds: '0 ${fields.join(' ')}'`,
    };
  }
  return {
    problem: `a Cron schedule has six fields (second minute hour day-of-month month day-of-week); '${expression.trim()}' has ${fields.length}`,
  };
}
