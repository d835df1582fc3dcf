import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { SystemProcess } from '@monitor/contracts';

describe("the host's processes", () => {
  let agent: TestAgent;

  beforeAll(async () => {
    agent = await startTestAgent();
  });
  afterAll(() => agent.close());

  it('lists them, this test among them, busiest first', async () => {
    const { status, body } = await agent.call<SystemProcess[]>('GetSystemProcesses');
    expect(status).toBe(200);
    const self = body.find((p) => p.pid === process.pid);
    expect(self).toMatchObject({ cmd: expect.arrayContaining([expect.any(String)]) });
    expect(self!.mem_mb).toBeGreaterThan(10);
    expect(self!.start_time).toBeLessThanOrEqual(Date.now());
    const cpu = body.map((p) => p.cpu_perc);
    expect(cpu).toEqual([...cpu].sort((a, b) => b - a));
  });
});
