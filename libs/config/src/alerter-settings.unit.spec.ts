import { loadConfig } from './load-config';

describe('[alerter] settings', () => {
  it('default to a link on localhost, 10 s sends, 1 s to 5 min backoff, 24 h of trying', () => {
    expect(loadConfig({}).alerter).toMatchObject({
      link_base: 'http://localhost:9120',
      send_timeout_ms: 10_000,
      retry_base_ms: 1_000,
      retry_cap_ms: 300_000,
      give_up_after_ms: 86_400_000,
      claim_lease_ms: 60_000,
      concurrency: 16,
    });
  });

  it('come from the environment', () => {
    const { alerter } = loadConfig({
      MONITOR_ALERTER_LINK_BASE: 'https://monitor.example.com',
      MONITOR_ALERTER_RETRY_BASE_MS: '50',
    });
    expect(alerter).toMatchObject({ link_base: 'https://monitor.example.com', retry_base_ms: 50 });
  });

  it('refuse a link base that is no http(s) address, naming the setting', () => {
    expect(() => loadConfig({ MONITOR_ALERTER_LINK_BASE: 'monitor.example.com' })).toThrow(
      /link_base/,
    );
    expect(() => loadConfig({ MONITOR_ALERTER_CLAIM_LEASE_MS: '10' })).toThrow(/claim_lease_ms/);
  });
});
