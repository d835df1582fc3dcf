import { IsInt, IsString, Max, Min } from 'class-validator';

/**
 * `[sync]`: where ResourceSyncs with `files_on_host` read their files, how often every sync's
 * plan is refreshed, and how much of a file is read.
 */
export class SyncSettings {
  /**
   * The folder holding a folder per sync with `files_on_host`, named as Komodo names it (the
   * sync's name with spaces as `_`); empty: `<data_dir>/syncs`.
   */
  @IsString()
  directory = '';

  /** How often each sync's files are read again and its plan refreshed; 0: only when asked. */
  @IsInt()
  @Min(0)
  poll_interval_ms = 5 * 60_000;

  /** A larger file is a read error, not contents (its text goes into an event). */
  @IsInt()
  @Min(1024)
  @Max(4 * 1024 * 1024)
  max_file_bytes = 512 * 1024;
}
