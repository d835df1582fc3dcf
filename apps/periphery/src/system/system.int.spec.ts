import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { SystemInformation, SystemStats } from '@monitor/contracts';

describe('system information and stats', () => {
  let agent: TestAgent;

  beforeAll(async () => {
    agent = await startTestAgent({ stats_polling_rate_ms: 200 });
  });
  afterAll(() => agent.close());

  it('describes the host', async () => {
    const { status, body } = await agent.call<SystemInformation>('GetSystemInformation');
    expect(status).toBe(200);
    expect(body.logical_core_count).toBeGreaterThan(0);
    expect(body.core_count).toBeGreaterThan(0);
    expect(body.kernel).toMatch(/\d/);
    expect(body.host_name).toBeTruthy();
    expect(body.cpu_arch).toMatch(/^(x86_64|aarch64|arm|x86|powerpc64|s390x|riscv64)$/);
  });

  it('reports sane stats from background samples, refreshed at the polling rate', async () => {
    const first = await agent.call<SystemStats>('GetSystemStats');
    expect(first.status).toBe(200);
    const stats = first.body;
    expect(stats.cpu_perc).toBeGreaterThanOrEqual(0);
    expect(stats.cpu_perc).toBeLessThanOrEqual(100);
    expect(stats.mem_total_gb).toBeGreaterThan(0);
    expect(stats.mem_used_gb).toBeGreaterThan(0);
    expect(stats.mem_used_gb).toBeLessThanOrEqual(stats.mem_total_gb);
    expect(stats.disks.length).toBeGreaterThanOrEqual(1);
    expect(stats.disks[0].total_gb).toBeGreaterThan(0);
    expect(stats.network_ingress_bytes).toBeGreaterThanOrEqual(0);
    expect(stats.network_egress_bytes).toBeGreaterThanOrEqual(0);
    expect(stats.load_average.one).toBeGreaterThanOrEqual(0);

    // A second call right away is the same cached sample; a later one is a newer sample.
    expect((await agent.call<SystemStats>('GetSystemStats')).body.refresh_ts).toBe(
      stats.refresh_ts,
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await agent.call<SystemStats>('GetSystemStats')).body.refresh_ts).toBeGreaterThan(
      stats.refresh_ts,
    );
  });
});
