import type { LoggerService } from '@nestjs/common';
import { loadConfig } from './load-config';
import { LevelledLogger } from './levelled-logger';

/** Keeps each line as `<level> <message>`. */
function capture(): LoggerService & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: unknown) => void lines.push(`${level} ${message}`);
  return {
    lines,
    error: keep('error'),
    warn: keep('warn'),
    log: keep('log'),
    debug: keep('debug'),
    verbose: keep('verbose'),
  };
}

function logAll(logger: LevelledLogger): void {
  logger.error('broken', 'Monitor');
  logger.warn('careful', 'Monitor');
  logger.log('listening', 'Monitor');
  logger.log('Mapped {/read/GetVersion, POST} route', 'RouterExplorer');
  logger.log('GatewayModule dependencies initialized', 'InstanceLoader');
  logger.debug('details', 'Monitor');
  logger.verbose('everything', 'Monitor');
}

describe('log_level', () => {
  it('is `log` by default, set by MONITOR_LOG_LEVEL, and refuses an unknown level', () => {
    expect(loadConfig({}).log_level).toBe('log');
    expect(loadConfig({ MONITOR_LOG_LEVEL: 'debug' }).log_level).toBe('debug');
    expect(() => loadConfig({ MONITOR_LOG_LEVEL: 'chatty' })).toThrow(/log_level/);
  });

  it('at `log`, keeps Nest wiring detail out: only errors, warnings and Monitor lines', () => {
    const sink = capture();
    logAll(new LevelledLogger('log', sink));
    expect(sink.lines).toEqual(['error broken', 'warn careful', 'log listening']);
  });

  it('at `debug`, shows Nest wiring detail as debug lines', () => {
    const sink = capture();
    logAll(new LevelledLogger('debug', sink));
    expect(sink.lines).toEqual([
      'error broken',
      'warn careful',
      'log listening',
      'debug Mapped {/read/GetVersion, POST} route',
      'debug GatewayModule dependencies initialized',
      'debug details',
    ]);
  });

  it('at `error`, only errors; at `verbose`, everything', () => {
    const quiet = capture();
    logAll(new LevelledLogger('error', quiet));
    expect(quiet.lines).toEqual(['error broken']);
    const loud = capture();
    logAll(new LevelledLogger('verbose', loud));
    expect(loud.lines).toHaveLength(7);
  });
});
