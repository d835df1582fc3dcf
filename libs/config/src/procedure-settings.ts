import { IsInt, IsString, Min } from 'class-validator';

/**
 * `[procedures]`: how runs survive a stopped process. One replica drives a run under a lease it
 * renews while the run goes on; a run whose lease has run out is resumed by any replica, unless
 * it has been left without one for longer than the resume window: then it ends interrupted.
 */
export class ProcedureSettings {
  /** How long a run's lease lasts; it is renewed every third of this. */
  @IsInt()
  @Min(1000)
  lease_ms = 15_000;

  /** A run ownerless for longer than this (since its lease ran out) ends failed, interrupted. */
  @IsInt()
  @Min(0)
  resume_window_ms = 10 * 60_000;

  /** Who is named as driving runs; empty: the host name and process id. */
  @IsString()
  replica = '';
}
