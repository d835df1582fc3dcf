import type { TestingSettings } from '@monitor/config';

/**
 * For tests only: a replica configured with `[testing] scheduler_die_after_claim` kills itself
 * (SIGKILL) right after its first won claim (a tick's or a start-up run's), before starting the
 * run, as a replica dying between the two would.
 */
export function dieAfterClaimForTests(testing: TestingSettings): void {
  if (testing.scheduler_die_after_claim) process.kill(process.pid, 'SIGKILL');
}
