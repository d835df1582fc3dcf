import { loadConfig } from './load-config';

describe('[launch]: how long LaunchServer waits for a launched machine', () => {
  it('waits 5 minutes for the instance and its agent by default, looking every 2 s at first', () => {
    expect(loadConfig({}).launch).toEqual({
      instance_timeout_ms: 300_000,
      agent_timeout_ms: 300_000,
      poll_interval_ms: 2_000,
      max_poll_interval_ms: 15_000,
    });
  });

  it('is read from the environment, and a timeout under a second is refused naming it', () => {
    expect(loadConfig({ MONITOR_LAUNCH_AGENT_TIMEOUT_MS: '9000' }).launch.agent_timeout_ms).toBe(
      9000,
    );
    expect(() => loadConfig({ MONITOR_LAUNCH_INSTANCE_TIMEOUT_MS: '5' })).toThrow(
      /instance_timeout_ms/,
    );
  });
});
