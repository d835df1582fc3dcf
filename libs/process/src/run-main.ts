import { consoleLogger, type ProcessLogger } from './process-logger';

/**
 * A process entry point: a failed start is printed and exits non-zero, never swallowed. Once
 * started, an error no caller awaited (a background task, a library's callback) is logged and
 * the process goes on serving: one failed poll or sample must not stop every server's agent or
 * every user's requests.
 */
export function runMain(main: () => Promise<void>): void {
  guardProcess();
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}

/** Logs, instead of exiting on, errors no caller awaited; see runMain. Idempotent. */
export function guardProcess(
  logger: Pick<ProcessLogger, 'error'> = consoleLogger('Process'),
): void {
  if (guarded) return;
  guarded = true;
  process.on('uncaughtException', (error) =>
    logger.error(`uncaught error, the process goes on: ${messageOf(error)}`, stackOf(error)),
  );
  process.on('unhandledRejection', (reason) =>
    logger.error(`unhandled rejection, the process goes on: ${messageOf(reason)}`, stackOf(reason)),
  );
}

let guarded = false;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const stackOf = (error: unknown) => (error instanceof Error ? error.stack : undefined);
