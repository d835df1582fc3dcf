/**
 * What a process logs through before, or without, a framework: a Nest LoggerService fits, so a
 * core process may pass its own, and the agent, which loads no framework, writes to the console.
 */
export interface ProcessLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

/** Logs nothing: for tests and for an embedded agent told to keep quiet. */
export const SILENT_LOGGER: ProcessLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** How much a console logger writes: `error` only errors, `warn` also warnings, `log` everything. */
export const LOG_LEVELS = ['error', 'warn', 'log'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One line per message at or above `level`, `<time> <LEVEL> [<context>] <message>`; errors to stderr. */
export function consoleLogger(context: string, level: LogLevel = 'log'): ProcessLogger {
  const line = (label: string, message: string) =>
    `${new Date().toISOString()} ${label} [${context}] ${message}\n`;
  const rank = LOG_LEVELS.indexOf(level);
  return {
    log: (message) => {
      if (rank >= 2) process.stdout.write(line('LOG', message));
    },
    warn: (message) => {
      if (rank >= 1) process.stdout.write(line('WARN', message));
    },
    error: (message, stack) =>
      void process.stderr.write(line('ERROR', message) + (stack ? `${stack}\n` : '')),
  };
}
