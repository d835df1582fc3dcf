import type { ScheduledKind } from './ticks';

/**
 * The ticks of one resource's schedule are claimed in streams of one minute each
 * (`scheduleclaims-<id>-<minute ms>`), one `ScheduleTickClaimed` per tick, appended at the
 * stream's expected revision: one replica's append wins, the others find the tick among the
 * claims they read back. A minute holds at most 60 ticks (six-field cron counts whole seconds),
 * so reading a stream back (as every adapter does on a conflict) stays small, and an every-second
 * schedule makes 60 streams an hour, not 3,600.
 */
export const CLAIM_SEGMENT_MS = 60_000;

export const scheduleClaimStream = (resourceId: string, tickMs: number) =>
  `scheduleclaims-${resourceId}-${tickMs - (tickMs % CLAIM_SEGMENT_MS)}`;

/**
 * A claim names the run it starts before starting it: the run's Update id (and its ScheduleRun
 * alert's). Starting it is creating that Update (expected `no_stream`), so the claimer, or a
 * replica taking over from a claimer that died before the start, starts it once.
 */
export interface ScheduleClaim {
  kind: ScheduledKind;
  id: string;
  tick: number;
  replica: string;
  updateId: string;
  alertId: string;
}

/** How long a claimer has to start its run before another replica starts it instead. */
export const CLAIM_START_GRACE_MS = 10_000;

/** Whether a claim made at `claimedAt` whose run has not started is now for another replica to start. */
export const startIsOverdue = (claimedAt: number, nowMs: number, graceMs = CLAIM_START_GRACE_MS) =>
  nowMs - claimedAt >= graceMs;

/**
 * The claims worth watching: those a replica could still have to start. Older ones were started
 * long ago or never will be (their resource gone): a claim not started within the catch-up
 * window after its grace is given up.
 */
export const claimIsStale = (claimedAt: number, nowMs: number, catchUpMs: number) =>
  nowMs - claimedAt > CLAIM_START_GRACE_MS + Math.max(catchUpMs, CLAIM_SEGMENT_MS);
