import { loadConfig } from './load-config';

describe('[scheduler] settings', () => {
  it('default to UTC and a minute of catch-up', () => {
    expect(loadConfig({}).scheduler).toEqual({ timezone: 'UTC', catch_up_ms: 60_000 });
  });

  it('come from the environment', () => {
    expect(loadConfig({ MONITOR_SCHEDULER_TIMEZONE: 'Europe/Berlin' }).scheduler.timezone).toBe(
      'Europe/Berlin',
    );
  });

  it('refuse a zone that is not an IANA one, naming the setting', () => {
    expect(() => loadConfig({ MONITOR_SCHEDULER_TIMEZONE: 'Mars/Olympus' })).toThrow(/timezone/);
  });
});
