import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';

/** `[local_agent] stats_polling_rate_ms` reaches the embedded agent's sampler (benches set it long). */
describe('local agent: its stats sampling rate from the config', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_LOCAL_AGENT_STATS_POLLING_RATE_MS: '3600000',
    });
  }, 60_000);

  afterAll(() => monitor?.destroy());

  it('samples at the configured rate, and no more often', async () => {
    type Stats = { polling_rate?: string; refresh_ts: number };
    const first = await monitor.admin.read<Stats>('GetSystemStats', { server: 'local' });
    expect(first.polling_rate).toBe('1-hr');
    // At the default 5 s a new sample would have come; at one an hour the answer is the same one.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const later = await monitor.admin.read<Stats>('GetSystemStats', { server: 'local' });
    expect(later.refresh_ts).toBe(first.refresh_ts);
  }, 30_000);
});
