import { loadConfig } from './load-config';

describe('[actions] settings', () => {
  it('default to 10 minutes, 256 MB and the gateway of this host', () => {
    expect(loadConfig({}).actions).toEqual({ api_url: '', timeout_ms: 600_000, memory_mb: 256 });
  });

  it('come from the environment', () => {
    const { actions } = loadConfig({
      MONITOR_ACTIONS_API_URL: 'http://gateway:9120',
      MONITOR_ACTIONS_TIMEOUT_MS: '5000',
      MONITOR_ACTIONS_MEMORY_MB: '64',
    });
    expect(actions).toEqual({ api_url: 'http://gateway:9120', timeout_ms: 5000, memory_mb: 64 });
  });

  it('refuse an address that is not a URL and a cap too small for Node, naming the setting', () => {
    expect(() => loadConfig({ MONITOR_ACTIONS_API_URL: 'gateway' })).toThrow(/api_url/);
    expect(() => loadConfig({ MONITOR_ACTIONS_MEMORY_MB: '8' })).toThrow(/memory_mb/);
  });
});
