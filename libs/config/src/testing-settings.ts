import { IsBoolean, IsInt, Min } from 'class-validator';

/**
 * `[testing]`: for the end-to-end tests only, never for an installation. They make what takes
 * minutes take seconds, or make a replica die where a crash would, to show that nothing is lost.
 */
export class TestingSettings {
  /**
   * How long a silent procedures replica counts as alive before another takes it for stopped;
   * 0: the product's 150 s (REPLICA_LIVE_FOR_MS).
   */
  @IsInt()
  @Min(0)
  replica_live_for_ms = 0;

  /**
   * The procedures replica kills itself (SIGKILL) right after its first won claim (a schedule
   * tick's or a start-up run's), before starting the run.
   */
  @IsBoolean()
  scheduler_die_after_claim = false;
}
