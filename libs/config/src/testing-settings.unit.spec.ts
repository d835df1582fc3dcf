import { loadConfig } from './load-config';

describe('[testing] settings', () => {
  it('are off by default', () => {
    expect(loadConfig({}).testing).toEqual({
      replica_live_for_ms: 0,
      scheduler_die_after_claim: false,
    });
  });

  it('come from the environment', () => {
    const { testing } = loadConfig({
      MONITOR_TESTING_REPLICA_LIVE_FOR_MS: '10000',
      MONITOR_TESTING_SCHEDULER_DIE_AFTER_CLAIM: 'true',
    });
    expect(testing).toEqual({ replica_live_for_ms: 10_000, scheduler_die_after_claim: true });
  });

  it('refuse a value that is not one, naming the setting', () => {
    expect(() => loadConfig({ MONITOR_TESTING_REPLICA_LIVE_FOR_MS: '-1' })).toThrow(
      /testing\.replica_live_for_ms/,
    );
    expect(() => loadConfig({ MONITOR_TESTING_SCHEDULER_DIE_AFTER_CLAIM: 'sometimes' })).toThrow(
      /testing\.scheduler_die_after_claim/,
    );
  });
});
