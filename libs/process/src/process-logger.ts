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

/** One line per message, `<time> <LEVEL> [<context>] <message>`; errors to stderr. */
export function consoleLogger(context: string): ProcessLogger {
  const line = (level: string, message: string) =>
    `${new Date().toISOString()} ${level} [${context}] ${message}\n`;
  return {
    log: (message) => void process.stdout.write(line('LOG', message)),
    warn: (message) => void process.stdout.write(line('WARN', message)),
    error: (message, stack) =>
      void process.stderr.write(line('ERROR', message) + (stack ? `${stack}\n` : '')),
  };
}
