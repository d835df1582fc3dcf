import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  AgentError,
  generatePasskey,
  rotateAgentPasskey,
  type AgentAddress,
} from '@monitor/agent-client';
import { callAgent } from '../testing/call-agent';
import { startTestAgent, type TestAgent } from '../testing/test-agent';

type Drop = 'answer' | 'request' | 'none';

/**
 * A TCP relay to the agent that loses the first connection's answer (the agent did the work),
 * or its request (the agent never saw it), or every connection.
 */
function lossyRelay(target: URL, first: Drop, rest: Drop = 'none'): Promise<Server> {
  let connections = 0;
  const server = createServer((client: Socket) => {
    const drop = connections++ === 0 ? first : rest;
    const upstream = connect(Number(target.port), target.hostname);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk) => (drop === 'request' ? client.destroy() : upstream.write(chunk)));
    upstream.on('data', (chunk) => (drop === 'answer' ? client.destroy() : client.write(chunk)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The core's rotateAgentPasskey when the rotation's answer does not come back. */
describe('rotateAgentPasskey, the answer lost', () => {
  const launch = generatePasskey();
  let agent: TestAgent;
  let relay: Server | undefined;
  const through = async (first: Drop, rest?: Drop): Promise<AgentAddress> => {
    relay = await lossyRelay(new URL(agent.url), first, rest);
    const { port } = relay.address() as AddressInfo;
    return { address: `http://127.0.0.1:${port}`, passkey: launch, insecureTls: false };
  };
  const health = (passkey: string) => callAgent(agent.url, 'GetHealth', {}, { passkey });

  beforeEach(async () => {
    agent = await startTestAgent({ passkeys: [launch] });
  });
  afterEach(async () => {
    relay?.close();
    relay = undefined;
    await agent.close();
  });

  it('answers the new passkey when the agent took it but its answer was lost', async () => {
    const { passkey } = await rotateAgentPasskey(await through('answer'), 3000);
    expect((await health(passkey)).status).toBe(200);
    expect((await health(launch)).status).toBe(401);
  });

  it('fails, the old passkey still in use, when the rotation never reached the agent', async () => {
    const failed = rotateAgentPasskey(await through('request'), 3000);
    await expect(failed).rejects.toBeInstanceOf(AgentError);
    await expect(failed).rejects.toMatchObject({ code: 'UNREACHABLE' });
    expect((await health(launch)).status).toBe(200);
  });

  it('fails saying to keep the previous passkey when the agent answers nothing since', async () => {
    const failed = rotateAgentPasskey(await through('request', 'request'), 3000);
    await expect(failed).rejects.toThrow(
      /got no answer, nor did the agent answer since .*keep the previous passkey/,
    );
    expect((await health(launch)).status).toBe(200);
  });

  it("passes the agent's own refusal on, without asking again", async () => {
    const wrong = { address: agent.url, passkey: generatePasskey(), insecureTls: false };
    await expect(rotateAgentPasskey(wrong, 3000)).rejects.toMatchObject({
      code: 'REFUSED',
      status: 401,
    });
    expect((await health(launch)).status).toBe(200);
  });
});
