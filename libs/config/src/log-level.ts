/** The `log_level` setting's values, from the fewest lines to the most. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Whether a line of `line`'s level is shown when the setting is `setting`. */
export const shows = (setting: LogLevel, line: LogLevel): boolean =>
  LOG_LEVELS.indexOf(line) <= LOG_LEVELS.indexOf(setting);
