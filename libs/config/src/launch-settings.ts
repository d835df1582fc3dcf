import { IsInt, Min } from 'class-validator';

/**
 * `[launch]`: how long LaunchServer waits for a launched machine, on either provider. A wait
 * that runs out fails the launch at its step, and what was launched is removed.
 */
export class LaunchSettings {
  /** How long the instance may take to run and have its address. */
  @IsInt()
  @Min(1000)
  instance_timeout_ms = 5 * 60_000;

  /** How long its agent has, once running, to answer (boot, user data, start-up). */
  @IsInt()
  @Min(1000)
  agent_timeout_ms = 5 * 60_000;

  /** First wait between two looks at the instance or its agent; doubled up to the next. */
  @IsInt()
  @Min(10)
  poll_interval_ms = 2_000;

  @IsInt()
  @Min(10)
  max_poll_interval_ms = 15_000;
}
