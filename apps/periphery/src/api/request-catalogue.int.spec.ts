import { AGENT, EmptyDto } from '@monitor/contracts';
import { SILENT_LOGGER } from '@monitor/process';
import { createPeripheryServices } from '../periphery-services';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import { request } from './request-registry';

/** A DTO with a field no catalogue entry declares. */
class VerboseDto {
  verbose?: boolean;
}

describe("the agent's requests and the catalogue", () => {
  let agent: TestAgent;

  beforeAll(async () => {
    agent = await startTestAgent({ stats_polling_rate_ms: 60_000 });
  });
  afterAll(() => agent.close());

  it('handles every request of AGENT, under its name, and nothing else', () => {
    const handled = createPeripheryServices(agent.config, SILENT_LOGGER).registry.names();
    expect(handled).toEqual(
      Object.values(AGENT)
        .map(({ name }) => name)
        .sort(),
    );
    for (const [key, entry] of Object.entries(AGENT)) expect(entry.name).toBe(key);
  });

  it("refuses, at compile time, a DTO without the entry's params or with others, or an answer not the entry's", () => {
    // @ts-expect-error EmptyDto lacks ContainerLogParams' `name`
    const withoutParams = request(AGENT.GetContainerLog, EmptyDto, async () => ({}) as never);
    // @ts-expect-error GetVersion answers { version }
    const wrongAnswer = request(AGENT.GetVersion, EmptyDto, async () => ({ build: 1 }));
    // @ts-expect-error the catalogue's GetHealth takes no `verbose`
    const undeclared = request(AGENT.GetHealth, VerboseDto, async () => ({}));
    expect([withoutParams.name, wrongAnswer.name, undeclared.name]).toEqual([
      'GetContainerLog',
      'GetVersion',
      'GetHealth',
    ]);
  });

  it('answers a catalogue request through its handler', async () => {
    expect(await agent.call(AGENT.GetHealth.name, {})).toEqual({ status: 200, body: {} });
  });
});
