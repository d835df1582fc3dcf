import { loadConfig } from './load-config';

describe('[local_agent] settings', () => {
  it('default to sampling stats every 5 s', () => {
    expect(loadConfig({}).local_agent).toEqual({
      enabled: true,
      port: 8120,
      docker_socket: '/var/run/docker.sock',
      stats_polling_rate_ms: 5000,
    });
  });

  it('take the sampling rate from the environment', () => {
    const config = loadConfig({ MONITOR_LOCAL_AGENT_STATS_POLLING_RATE_MS: '3600000' });
    expect(config.local_agent.stats_polling_rate_ms).toBe(3_600_000);
  });

  it.each(['50', '-1', '1.5', 'often'])('refuse a sampling rate of %s, naming the setting', (rate) => {
    expect(() => loadConfig({ MONITOR_LOCAL_AGENT_STATS_POLLING_RATE_MS: rate })).toThrow(
      /stats_polling_rate_ms/,
    );
  });
});
