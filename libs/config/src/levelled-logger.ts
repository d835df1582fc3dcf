import { ConsoleLogger, type LoggerService } from '@nestjs/common';
import { shows, type LogLevel } from './log-level';

/**
 * Nest's own start-up detail (each module loaded, each route mapped, "started"): what someone
 * debugging the wiring wants, not someone starting Monitor. Its `log` lines count as `debug`.
 */
const WIRING_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'NestMicroservice',
]);

/**
 * Nest's logger, applying the `log_level` setting: lines above it are dropped, and Nest's wiring
 * detail is shown only from `debug`. Writes to `sink` (the console unless a test captures).
 */
export class LevelledLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel,
    private readonly sink: LoggerService = new ConsoleLogger(),
  ) {}

  error(message: unknown, ...rest: unknown[]): void {
    this.sink.error(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    if (shows(this.level, 'warn')) this.sink.warn(message, ...rest);
  }

  log(message: unknown, ...rest: unknown[]): void {
    // Nest passes the logger's context last.
    if (WIRING_CONTEXTS.has(String(rest.at(-1)))) this.debug(message, ...rest);
    else if (shows(this.level, 'log')) this.sink.log(message, ...rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    if (shows(this.level, 'debug'))
      (this.sink.debug ?? this.sink.log).call(this.sink, message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    if (shows(this.level, 'verbose'))
      (this.sink.verbose ?? this.sink.log).call(this.sink, message, ...rest);
  }
}
