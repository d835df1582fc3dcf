import * as v from 'valibot';
import { AGENT } from '@monitor/contracts';
import { SILENT_LOGGER } from '@monitor/process';
import { createPeripheryServices } from '../periphery-services';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import { NO_PARAMS } from './params';
import { request } from './request-registry';

/** A schema with a field no catalogue entry declares. */
const Verbose = v.strictObject({ verbose: v.optional(v.boolean()) });
/** A schema that takes a declared field as another type. */
const TailAsText = v.strictObject({ name: v.string(), tail: v.optional(v.string()) });

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

  it("refuses, at compile time, a schema without the entry's params, with others or of other types, or an answer not the entry's", () => {
    // @ts-expect-error NO_PARAMS lacks ContainerLogParams' `name`
    const withoutParams = request(AGENT.GetContainerLog, NO_PARAMS, async () => ({}) as never);
    // @ts-expect-error GetVersion answers { version }
    const wrongAnswer = request(AGENT.GetVersion, NO_PARAMS, async () => ({ build: 1 }));
    // @ts-expect-error the catalogue's GetHealth takes no `verbose`
    const undeclared = request(AGENT.GetHealth, Verbose, async () => ({}));
    // @ts-expect-error the catalogue's `tail` is a number
    const otherType = request(AGENT.GetContainerLog, TailAsText, async () => ({}) as never);
    expect([withoutParams, wrongAnswer, undeclared, otherType].map((r) => r.name)).toEqual([
      'GetContainerLog',
      'GetVersion',
      'GetHealth',
      'GetContainerLog',
    ]);
  });

  it('answers a catalogue request through its handler', async () => {
    expect(await agent.call(AGENT.GetHealth.name, {})).toEqual({ status: 200, body: {} });
  });
});
