import { IsInt, IsTimeZone, Min } from 'class-validator';

/**
 * `[scheduler]`: how Procedure and Action schedules tick. Every replica must read the same zone,
 * or they would compute different ticks for a schedule that names none.
 */
export class SchedulerSettings {
  /** The IANA zone of schedules whose `schedule_timezone` is empty (Komodo's core `timezone`). */
  @IsTimeZone()
  timezone = 'UTC';

  /**
   * A replica that starts late, or again after a stop, still claims the ticks it missed this
   * recently; older ones are never run.
   */
  @IsInt()
  @Min(0)
  catch_up_ms = 60_000;
}
