/**
 * For tests only: a replica started with MONITOR_TEST_SCHEDULER_DIE_AFTER_CLAIM set kills itself
 * (SIGKILL) right after its first won claim (a tick's or a start-up run's), before starting the
 * run, as a replica dying between the two would.
 */
export function dieAfterClaimForTests(): void {
  if (process.env.MONITOR_TEST_SCHEDULER_DIE_AFTER_CLAIM) process.kill(process.pid, 'SIGKILL');
}
