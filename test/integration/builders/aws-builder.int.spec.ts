import { callAgent } from '@monitor/agent-client';
import { AGENT } from '@monitor/contracts';
import type { Resource } from '@monitor/domain';
import { StageFailed } from '@monitor/executions';
import { freePort, type FakeInstance } from '@monitor/testing';
import { startTestAgent, type TestAgent } from '../../../apps/periphery/src/testing/test-agent';
import { AWS_SECRET, builderFixture } from './builder-fixture';

type Fixture = Awaited<ReturnType<typeof builderFixture>>;

/** The passkey the user data hands the instance's agent: what the test's agent is started with. */
const passkeyOf = (instance: FakeInstance) =>
  /^PERIPHERY_PASSKEYS=(.+)$/m.exec(instance.userData)?.[1] ?? '';

describe('an Aws builder, its whole lifecycle with the real SDK against a local EC2 endpoint', () => {
  let fx: Fixture;
  let builder: Resource<'Builder'>;
  const agents: TestAgent[] = [];
  const passkeys: string[] = [];

  /** When the endpoint says running, a real agent starts on 127.0.0.1 with the instance's passkey. */
  const startAgentsOnRunning = () =>
    fx.ec2.onRunning(async (instance) => {
      const passkey = passkeyOf(instance);
      const port = Number(/^PERIPHERY_PORT=(\d+)$/m.exec(instance.userData)?.[1]);
      const ssl_enabled = /^PERIPHERY_SSL_ENABLED=true$/m.test(instance.userData);
      passkeys.push(passkey);
      agents.push(await startTestAgent({ port, passkeys: [passkey], ssl_enabled }));
    });

  const setUp = async (timing?: Parameters<typeof builderFixture>[0], https = false) => {
    fx = await builderFixture(timing);
    builder = await fx.create('Builder', 'ci', {
      type: 'Aws',
      params: {
        region: 'eu-west-3',
        ami_id: 'ami-0123456789abcdef0',
        instance_type: 't3.medium',
        subnet_id: 'subnet-0abc1234',
        security_group_ids: ['sg-0aaa1111'],
        key_pair_name: 'builders',
        volume_gb: 30,
        port: await freePort(),
        use_https: https,
        user_data: 'echo prepared',
      },
    });
  };

  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.close()));
    passkeys.splice(0);
    await fx.close();
  });

  const stages = (update: { logs: { stage: string; success: boolean }[] }) =>
    update.logs.map((log) => `${log.stage}: ${log.success ? 'ok' : 'failed'}`);

  it('launches, waits for running and the agent, serves a call, and terminates after success', async () => {
    await setUp();
    startAgentsOnRunning();
    const { success, update } = await fx.run(builder, async (acquired, context) => {
      await context.stage('build', 'GetHealth', async () => {
        const health = await callAgent(acquired.agent, AGENT.GetHealth.name, {}, 5_000);
        return { stdout: JSON.stringify(health.body) };
      });
    });
    expect(success).toBe(true);
    expect(stages(update)).toEqual([
      'start build instance: ok',
      'connect to build instance: ok',
      'build: ok',
      'terminate build instance: ok',
    ]);
    const [instance] = fx.ec2.instances.values();
    expect(instance).toMatchObject({
      imageId: 'ami-0123456789abcdef0',
      instanceType: 't3.medium',
      subnetId: 'subnet-0abc1234',
      securityGroupIds: ['sg-0aaa1111'],
      keyName: 'builders',
      volumeGb: 30,
      tags: { Name: 'BUILDER-ci' },
      state: 'shutting-down',
    });
    expect(instance.userData).toContain('echo prepared\n');
    expect(passkeys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fx.ec2.callsOf('TerminateInstances')).toHaveLength(1);
    expect(new Set(fx.ec2.calls.map((c) => `${c.accessKeyId} ${c.region}`))).toEqual(
      new Set(['AKIATESTKEY eu-west-3']),
    );
    expect(update.logs[0].stdout).toContain(`instance id: ${instance.id}`);
  });

  it("talks TLS to an agent that serves it (Komodo's default), pinning its certificate at the first contact", async () => {
    await setUp(undefined, true);
    startAgentsOnRunning();
    const { success, update } = await fx.run(builder, async (acquired, context) => {
      expect(acquired.agent).toMatchObject({
        address: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/),
        insecureTls: true,
        pinnedFingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
      });
      await context.stage('build', 'GetVersion', async () => ({
        stdout: (
          await callAgent<{ version: string }>(acquired.agent, AGENT.GetVersion.name, {}, 5_000)
        ).body.version,
      }));
    });
    expect(success).toBe(true);
    expect(update.logs.map((l) => l.stage)).toContain('build');
  });

  it('gives each instance a passkey of its own', async () => {
    await setUp();
    startAgentsOnRunning();
    await fx.run(builder, () => Promise.resolve());
    // The instance is gone: so is its agent, whose port the next instance's agent takes.
    await agents.pop()?.close();
    await fx.run(builder, () => Promise.resolve());
    expect(passkeys).toHaveLength(2);
    expect(passkeys[0]).not.toBe(passkeys[1]);
  });

  it('terminates after a failure in the work', async () => {
    await setUp();
    startAgentsOnRunning();
    const { success, update } = await fx.run(builder, async () => {
      throw new StageFailed('build', 'the Dockerfile failed');
    });
    expect(success).toBe(false);
    expect(stages(update).at(-1)).toBe('terminate build instance: ok');
    expect([...fx.ec2.instances.values()][0].state).toBe('shutting-down');
  });

  it('terminates when the instance never runs, saying how long it waited', async () => {
    await setUp({ launchTimeoutMs: 400 });
    fx.ec2.neverReachRunning();
    const { success, update } = await fx.run(builder, () => Promise.resolve());
    expect(success).toBe(false);
    const [instance] = fx.ec2.instances.values();
    expect(update.logs[0]).toMatchObject({
      stage: 'start build instance',
      success: false,
      stderr: `instance ${instance.id} was not running (still pending) within 0.4 s`,
    });
    expect(stages(update)).toEqual([
      'start build instance: failed',
      'terminate build instance: ok',
    ]);
    expect(instance.state).toBe('shutting-down');
  });

  it('terminates when the agent never answers, naming the instance and the address', async () => {
    await setUp({ agentTimeoutMs: 500 });
    const { success, update } = await fx.run(builder, () => Promise.resolve());
    expect(success).toBe(false);
    expect(update.logs[1]).toMatchObject({ stage: 'connect to build instance', success: false });
    expect(update.logs[1].stderr).toMatch(
      /^the agent of instance i-\w+ \(http:\/\/127\.0\.0\.1:\d+\) did not answer \(last: connection refused \(is the agent running\?\)\) within 0\.5 s$/,
    );
    expect([...fx.ec2.instances.values()][0].state).toBe('shutting-down');
  });

  it('terminates when the execution is cancelled while it waits', async () => {
    await setUp();
    fx.ec2.neverReachRunning();
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 200);
    const { success, update } = await fx.run(builder, () => Promise.resolve(), cancel.signal);
    expect(success).toBe(false);
    expect(update.logs[0].stderr).toMatch(/^cancelled: instance i-\w+ was not running/);
    expect([...fx.ec2.instances.values()][0].state).toBe('shutting-down');
  });

  it('opens an alert when the termination fails, retries, and resolves it once a retry succeeds', async () => {
    await setUp();
    startAgentsOnRunning();
    fx.ec2.failNextTerminations(3, 'ec2:TerminateInstances is not allowed');
    const { success, update } = await fx.run(builder, () => Promise.resolve());
    expect(success).toBe(true);
    const [instance] = fx.ec2.instances.values();
    const [open] = fx.readModel.alerts.openFor('Builder', builder.id);
    expect(open).toMatchObject({
      level: 'CRITICAL',
      data: {
        type: 'AwsBuilderTerminationFailed',
        data: {
          instance_id: instance.id,
          message: 'UnauthorizedOperation: ec2:TerminateInstances is not allowed',
        },
      },
    });
    expect(update.logs.at(-1)).toMatchObject({ stage: 'terminate build instance', success: false });
    expect(update.logs.at(-1)?.stderr).toContain(`alert ${open.id} stays open`);
    await fx.terminations().idle();
    expect(fx.ec2.callsOf('TerminateInstances')).toHaveLength(4);
    expect(instance.state).toBe('shutting-down');
    expect(fx.readModel.alerts.alert(open.id)).toMatchObject({ resolved: true });
    expect(fx.logger.lines.join('\n')).toContain(`builder instance ${instance.id} terminated`);
  });

  it('takes up the retries of a failed termination after a restart, and resolves the alert', async () => {
    await setUp();
    startAgentsOnRunning();
    fx.ec2.failNextTerminations(100);
    await fx.run(builder, () => Promise.resolve());
    const [instance] = fx.ec2.instances.values();
    const [open] = fx.readModel.alerts.openFor('Builder', builder.id);
    expect(open.data).toMatchObject({ data: { instance_id: instance.id } });
    fx.restart();
    fx.ec2.stopFailingTerminations();
    await fx.terminations().idle();
    expect(instance.state).toBe('shutting-down');
    expect(fx.readModel.alerts.alert(open.id)).toMatchObject({ resolved: true });
  });

  it('never shows the passkey or the AWS secret in logs, Updates or events', async () => {
    await setUp();
    startAgentsOnRunning();
    fx.ec2.failNextTerminations(1);
    const { update } = await fx.run(builder, async (acquired, context) => {
      await context.stage('echo', 'print', async () => ({
        stdout: `${acquired.agent.passkey} ${AWS_SECRET}`,
      }));
    });
    await fx.terminations().idle();
    const everything = [JSON.stringify(update), await fx.storedText(), fx.logger.lines.join('\n')];
    expect(everything.join('\n')).toContain('*****');
    for (const secret of [passkeys[0], AWS_SECRET]) {
      for (const text of everything) expect(text).not.toContain(secret);
    }
  });
});
