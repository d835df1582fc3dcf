import { AGENT, type ComposeUpAnswer, type SystemStats } from '@monitor/contracts';
import { FakeAgent } from '../fake/fake-agent';

const server = { id: 'server-1' };
const target = { stack: 's1', project: 'web', files: ['compose.yaml'] };

describe("an agent call, typed by the agent's catalogue", () => {
  it("sends the entry's name and params, and answers the entry's answer type", async () => {
    const agent = new FakeAgent(({ type }) =>
      type === 'ComposeUp' ? { logs: [], success: true } : { cpu_perc: 1 },
    );
    const up: ComposeUpAnswer = await agent.call(AGENT.ComposeUp, server, target);
    const stats: SystemStats = await agent.call(AGENT.GetSystemStats, server);
    expect([up, stats.cpu_perc]).toEqual([{ logs: [], success: true }, 1]);
    expect(agent.calls).toEqual([
      { server: 'server-1', type: 'ComposeUp', params: target },
      { server: 'server-1', type: 'GetSystemStats', params: {} },
    ]);
  });

  it('does not compile a call without the params the request requires, or with others', async () => {
    const agent = new FakeAgent();
    // @ts-expect-error ComposeUp requires its compose target
    await agent.call(AGENT.ComposeUp, server);
    // @ts-expect-error StartContainer takes no `project`
    await agent.call(AGENT.StartContainer, server, { name: 'web', project: 'web' });
    // @ts-expect-error ComposeUp answers { logs, success }
    const wrong: { version: string } = await agent.call(AGENT.ComposeUp, server, target);
    expect([agent.calls.length, wrong]).toEqual([3, expect.anything()]);
  });
});
