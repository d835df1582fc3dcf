import { callAgent } from '@monitor/agent-client';
import { AGENT } from '@monitor/contracts';
import {
  startTestAgent,
  TEST_PASSKEY,
  type TestAgent,
} from '../../../apps/periphery/src/testing/test-agent';
import { builderFixture } from './builder-fixture';

type Fixture = Awaited<ReturnType<typeof builderFixture>>;

describe('Server and Url builders: acquire, call the agent, release', () => {
  let fx: Fixture;
  let agent: TestAgent;
  const URL_PASSKEY = 'url-builder-passkey-0123456789';

  beforeEach(async () => {
    fx = await builderFixture();
    agent = await startTestAgent({ passkeys: [TEST_PASSKEY, URL_PASSKEY] });
  });
  afterEach(async () => {
    await agent.close();
    await fx.close();
  });

  const version = (acquired: { agent: Parameters<typeof callAgent>[0] }) =>
    callAgent<{ version: string }>(acquired.agent, AGENT.GetVersion.name, {}, 5_000);

  it("a Server builder builds on its server's agent", async () => {
    const server = await fx.create('Server', 'build-1', {
      address: agent.url,
      passkey: TEST_PASSKEY,
    });
    const builder = await fx.create('Builder', 'on-server', {
      type: 'Server',
      params: { server_ids: ['build-1'] },
    });
    expect(builder.config).toEqual({ type: 'Server', params: { server_ids: [server.id] } });
    const { success, update } = await fx.run(builder, async (acquired, context) => {
      expect(acquired.where).toBe("server 'build-1'");
      await context.stage('build', 'GetVersion', async () => ({
        stdout: (await version(acquired)).body.version,
      }));
    });
    expect(success).toBe(true);
    expect(update.logs.map((l) => l.stage)).toEqual(['build']);
  });

  it('a Server builder with no existing server fails, naming the field', async () => {
    const builder = await fx.create('Builder', 'empty', { type: 'Server', params: {} });
    const { success, update } = await fx.run(builder, () => Promise.resolve());
    expect(success).toBe(false);
    expect(update.logs.at(-1)?.stderr).toContain("Builder 'empty' names no existing server");
  });

  it('an Url builder builds on the agent at its address, its passkey masked', async () => {
    const builder = await fx.create('Builder', 'at-url', {
      type: 'Url',
      params: { address: agent.url, passkey: URL_PASSKEY },
    });
    // Stored sealed: the plain passkey is in no event.
    expect(await fx.storedText()).not.toContain(URL_PASSKEY);
    const { success, update } = await fx.run(builder, async (acquired, context) => {
      await context.stage('build', 'GetVersion', async () => ({
        stdout: `${(await version(acquired)).body.version} ${acquired.agent.passkey}`,
      }));
    });
    expect(success).toBe(true);
    expect(update.logs.map((l) => `${l.stage}: ${l.success}`)).toEqual([
      'connect to builder: true',
      'build: true',
    ]);
    expect(update.logs[1].stdout).toContain('*****');
    expect(JSON.stringify(update) + (await fx.storedText())).not.toContain(URL_PASSKEY);
  });

  it('an Url builder whose passkey the agent refuses fails at once, saying so', async () => {
    const builder = await fx.create('Builder', 'wrong', {
      type: 'Url',
      params: { address: agent.url, passkey: 'not-the-agents-passkey' },
    });
    const started = Date.now();
    const { success, update } = await fx.run(builder, () => Promise.resolve());
    expect(success).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(update.logs[0]).toMatchObject({ stage: 'connect to builder', success: false });
    expect(update.logs[0].stderr).toMatch(/^the agent refused the passkey/);
  });

  it('an Url builder whose agent is down fails after its wait, naming the address', async () => {
    const builder = await fx.create('Builder', 'down', {
      type: 'Url',
      params: { address: 'http://127.0.0.1:9', passkey: URL_PASSKEY },
    });
    const { success, update } = await fx.run(builder, () => Promise.resolve());
    expect(success).toBe(false);
    expect(update.logs[0].stderr).toBe(
      'the agent of http://127.0.0.1:9 did not answer (last: connection refused (is the agent running?)) within 3 s',
    );
  });
});
