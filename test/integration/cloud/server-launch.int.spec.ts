import { AgentError, callAgent } from '@monitor/agent-client';
import {
  defaultAwsServerTemplateConfig,
  defaultHetznerServerTemplateConfig,
  serverLaunchStream,
  type ServerTemplateConfig,
} from '@monitor/domain';
import { agentBootOf } from '@monitor/testing';
import { isSealed } from '@monitor/secrets';
import { readLaunch } from '../../../apps/deployer/src/server-templates/launch';
import { expectNoSecret } from '../../support/secret-search';
import { AWS_SECRET, GREETING, HETZNER_TOKEN, launchFixture } from './server-launch-fixture';

const awsTemplate = (): ServerTemplateConfig => ({
  type: 'Aws',
  params: {
    ...defaultAwsServerTemplateConfig(),
    region: 'eu-west-3',
    instance_type: 't3.medium',
    ami_id: 'ami-0123456789abcdef0',
    subnet_id: 'subnet-0aaa1111',
    key_pair_name: 'ops',
    security_group_ids: ['sg-0bbb2222', 'sg-0ccc3333'],
    volumes: [
      { device_name: '/dev/sda1', size_gb: 30, volume_type: 'gp3', iops: 4000, throughput: 250 },
      { device_name: '/dev/sdf', size_gb: 100, volume_type: 'io2', iops: 500, throughput: 0 },
    ],
    user_data: '#!/bin/sh\necho [[GREETING]]\n',
  },
});

const hetznerTemplate = (cloud_account = ''): ServerTemplateConfig => ({
  type: 'Hetzner',
  params: {
    ...defaultHetznerServerTemplateConfig(),
    datacenter: 'Falkenstein1Dc14',
    server_type: 'cx22',
    private_network_ids: [7],
    firewall_ids: [11],
    placement_group: 5,
    ssh_keys: ['ops-key'],
    labels: { team: 'web' },
    volumes: [{ name: 'data-1', size_gb: 10, format: 'Xfs', labels: { kind: 'data' } }],
    user_data: '#!/bin/sh\necho [[GREETING]]\n',
    cloud_account,
  },
});

type Fixture = Awaited<ReturnType<typeof launchFixture>>;

describe('ServerLaunch against the fake clouds, up to a real agent', () => {
  let f: Fixture;
  afterEach(async () => {
    await f.close();
  });

  /** Every place a secret could leak to: the Update, every event, every log line. */
  const expectNothingLeaked = async (updateId: string, extra: string[] = []) => {
    const update = await f.updateOf(updateId);
    const events = await f.store.readAll(0, 100_000);
    const userData = [...f.ec2.runningInstances(), ...f.hetzner.runningServers()].map(
      (m) => m.userData,
    );
    const boots = userData.map(agentBootOf);
    const secrets = [
      AWS_SECRET,
      HETZNER_TOKEN,
      GREETING,
      ...boots.flatMap((b) => [b.passkey, ...(b.tls ? [b.tls.key] : [])]),
      ...extra,
    ];
    expectNoSecret([update, events, f.logger.lines], secrets);
  };

  it('EC2: launches the template field for field, rotates the passkey, creates the Server', async () => {
    f = await launchFixture();
    const { updateId, success, launched, update } = await f.launchServer(awsTemplate(), 'web-1');
    const log = (await update()).logs;
    expect(log.map((l) => [l.stage, l.success])).toEqual([
      ['prepare', true],
      ['launch', true],
      ['wait for instance', true],
      ['wait for agent', true],
      ['rotate passkey', true],
      ['create server', true],
    ]);
    expect(success).toBe(true);
    const [run] = f.ec2.callsOf('RunInstances');
    expect(run.region).toBe('eu-west-3');
    expect(run.params).toMatchObject({
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 't3.medium',
      KeyName: 'ops',
      ClientToken: `monitor-launch-${updateId}`,
      'BlockDeviceMapping.1.DeviceName': '/dev/sda1',
      'BlockDeviceMapping.1.Ebs.VolumeSize': '30',
      'BlockDeviceMapping.1.Ebs.VolumeType': 'gp3',
      'BlockDeviceMapping.1.Ebs.Iops': '4000',
      'BlockDeviceMapping.1.Ebs.Throughput': '250',
      'BlockDeviceMapping.2.DeviceName': '/dev/sdf',
      'BlockDeviceMapping.2.Ebs.VolumeSize': '100',
      'BlockDeviceMapping.2.Ebs.VolumeType': 'io2',
    });
    expect(Object.values(run.params)).toEqual(
      expect.arrayContaining(['subnet-0aaa1111', 'sg-0bbb2222', 'sg-0ccc3333']),
    );
    const [instance] = f.ec2.runningInstances();
    const boot = agentBootOf(instance.userData);
    expect(instance.userData).toContain(`echo ${GREETING}`);
    const server = f.readModel.resourceById('Server', launched!.serverId)!;
    expect(server.name).toBe('web-1');
    expect(server.config.address).toBe(`https://127.0.0.1:${boot.port}`);
    expect(isSealed(server.config.passkey)).toBe(true);
    const passkey = f.keyring.open(server.config.passkey as never);
    expect(f.readModel.serverStatus.status(server.id)).toMatchObject({
      state: 'Ok',
      fingerprint: launched!.fingerprint,
    });
    const agent = {
      address: server.config.address,
      insecureTls: true,
      pinnedFingerprint: launched!.fingerprint,
    };
    await expect(callAgent({ ...agent, passkey }, 'GetVersion', {}, 5_000)).resolves.toBeDefined();
    const refused = await callAgent(
      { ...agent, passkey: boot.passkey },
      'GetVersion',
      {},
      5_000,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AgentError);
    expect((refused as AgentError).code).toBe('REFUSED');
    const state = await readLaunch(f.store, updateId);
    expect(state.status === 'Active' && state.launch.phase).toBe('Launched');
    await expectNothingLeaked(updateId, [passkey]);
  });

  it('Hetzner (cloud account): volumes, then the server carrying the template, then the Server', async () => {
    f = await launchFixture();
    await f.addHetznerAccount('hz');
    const template = hetznerTemplate('hz');
    template.params.use_https = false;
    const { updateId, success, launched } = await f.launchServer(template, 'web-2');
    expect(success).toBe(true);
    const [volume] = f.hetzner.callsOf('createVolume');
    expect(volume.body).toEqual({
      name: 'data-1',
      size: 10,
      location: 'fsn1',
      format: 'xfs',
      labels: { kind: 'data', 'monitor-launch': updateId },
    });
    const [create] = f.hetzner.callsOf('createServer');
    expect(create.body).toMatchObject({
      name: 'web-2',
      server_type: 'cx22',
      image: 'ubuntu-24.04',
      datacenter: 'fsn1-dc14',
      ssh_keys: ['ops-key'],
      networks: [7],
      firewalls: [{ firewall: 11 }],
      placement_group: 5,
      public_net: { enable_ipv4: false, enable_ipv6: false },
      labels: { team: 'web', 'monitor-launch': updateId },
      volumes: [f.hetzner.volumes()[0].id],
    });
    const boot = agentBootOf(f.hetzner.runningServers()[0].userData);
    expect(boot.tls).toBeUndefined();
    const server = f.readModel.resourceById('Server', launched!.serverId)!;
    expect(server.config.address).toBe(`http://127.0.0.1:${boot.port}`);
    expect(launched!.fingerprint).toBeUndefined();
    const agent = { address: server.config.address, insecureTls: false };
    const passkey = f.keyring.open(server.config.passkey as never);
    await expect(callAgent({ ...agent, passkey }, 'GetVersion', {}, 5_000)).resolves.toBeDefined();
    const refused = await callAgent(
      { ...agent, passkey: boot.passkey },
      'GetVersion',
      {},
      5_000,
    ).catch((error: unknown) => error);
    expect((refused as AgentError).code).toBe('REFUSED');
    await expectNothingLeaked(updateId, [passkey]);
  });

  it('an agent that never answers: the instance is terminated, the stage names the step', async () => {
    f = await launchFixture({ startAgents: false });
    const { updateId, success, update } = await f.launchServer(awsTemplate(), 'web-3');
    expect(success).toBe(false);
    const logs = (await update()).logs;
    expect(logs.find((l) => l.stage === 'wait for agent')?.success).toBe(false);
    const cleanup = logs.find((l) => l.stage === 'clean up')!;
    expect(cleanup.success).toBe(true);
    expect(cleanup.stdout).toMatch(/launch failed at 'wait for agent'; cleaned up: shutting-down/);
    expect(f.ec2.runningInstances()).toEqual([]);
    expect(f.readModel.list('Server')).toEqual([]);
    const state = await readLaunch(f.store, updateId);
    expect(state.status === 'Active' && state.launch.cleanup?.status).toBe('CleanedUp');
    await expectNothingLeaked(updateId);
  });

  it('DescribeInstances answering 500 mid-launch: the wait goes on and the launch succeeds', async () => {
    f = await launchFixture();
    f.ec2.failNextDescribes(3, 500);
    const { success } = await f.launchServer(awsTemplate(), 'web-4');
    expect(success).toBe(true);
    expect(f.ec2.callsOf('RunInstances')).toHaveLength(1);
  });

  it('a connection dropped after the create: exactly one machine, found again, then terminated', async () => {
    f = await launchFixture({ startAgents: false });
    f.ec2.dropConnectionAfterNextRun();
    const aws = await f.launchServer(awsTemplate(), 'web-5');
    expect(aws.success).toBe(false);
    const launched = f.ec2.callsOf('RunInstances').map((c) => c.params.ClientToken);
    expect(new Set(launched)).toEqual(new Set([`monitor-launch-${aws.updateId}`]));
    const terminated = f.ec2.callsOf('TerminateInstances').map((c) => c.params['InstanceId.1']);
    expect(terminated).toHaveLength(1);
    const record = await readLaunch(f.store, aws.updateId);
    expect(record.status === 'Active' && record.launch.instance?.instanceId).toBe(terminated[0]);
    expect(f.ec2.runningInstances()).toEqual([]);

    f.hetzner.dropConnectionAfterNext('createServer');
    const hz = await f.launchServer(hetznerTemplate(), 'web-6');
    expect(hz.success).toBe(false);
    expect(f.hetzner.callsOf('createServer')).toHaveLength(1);
    expect((await hz.update()).logs.find((l) => l.stage === 'launch')?.stdout).toMatch(
      /found by its mark after an unclear answer/,
    );
    expect(f.hetzner.runningServers()).toEqual([]);
    expect(f.hetzner.volumes()).toEqual([]);
  });

  it('what fails the checks fails before any cloud call: unknown variable, user data over the limit', async () => {
    f = await launchFixture();
    const unknown = awsTemplate();
    unknown.params.user_data = '#!/bin/sh\necho [[NOT_A_VARIABLE]]\n';
    const first = await f.launchServer(unknown, 'web-10');
    const big = hetznerTemplate();
    big.params.user_data = `#!/bin/sh\n${'x'.repeat(40_000)}\n`;
    const second = await f.launchServer(big, 'web-11');
    for (const { success, update, updateId } of [first, second]) {
      expect(success).toBe(false);
      const logs = (await update()).logs;
      expect(logs.map((l) => [l.stage, l.success])).toEqual([['prepare', false]]);
      const state = await readLaunch(f.store, updateId);
      expect(state.status === 'Active' && state.launch.failure?.step).toBe('prepare');
    }
    expect((await first.update()).logs[0].stderr).toMatch(/NOT_A_VARIABLE/);
    expect((await second.update()).logs[0].stderr).toMatch(/user_data/);
    expect(f.ec2.callsOf('RunInstances')).toEqual([]);
    expect(f.hetzner.calls).toEqual([]);
    expect(await f.parts.resume.resumeUnfinished()).toEqual([]);
  });

  it('a cleanup that fails opens ServerLaunchCleanupFailed, retried across a restart, resolved when it succeeds', async () => {
    f = await launchFixture({ startAgents: false });
    f.ec2.failNextTerminations(1_000);
    const { updateId, success, update } = await f.launchServer(awsTemplate(), 'web-7');
    expect(success).toBe(false);
    const cleanup = (await update()).logs.find((l) => l.stage === 'clean up')!;
    expect(cleanup.success).toBe(false);
    expect(cleanup.stderr).toMatch(
      /launch failed at 'wait for agent'; cleanup failed .*alert \w+ stays open/,
    );
    const [alert] = f.readModel.alerts.list((a) => a.data.type === 'ServerLaunchCleanupFailed');
    expect(alert).toMatchObject({
      level: 'CRITICAL',
      resolved: false,
      target: { type: 'ServerTemplate', id: `tpl-${updateId}` },
    });
    expect(f.ec2.runningInstances()).toHaveLength(1);
    // The deployer restarts: the open alert's cleanup is taken up again, not a second alert.
    f.restart();
    await f.parts.resume.resumeUnfinished();
    f.ec2.stopFailingTerminations();
    await f.parts.terminations.idle();
    expect(
      f.readModel.alerts.list((a) => a.data.type === 'ServerLaunchCleanupFailed'),
    ).toHaveLength(1);
    expect(f.readModel.alerts.alert(alert.id)?.resolved).toBe(true);
    expect(f.ec2.runningInstances()).toEqual([]);
    const state = await readLaunch(f.store, updateId);
    expect(state.status === 'Active' && state.launch.cleanup?.status).toBe('CleanedUp');
    await expectNothingLeaked(updateId);
  });

  it('after a crash mid-launch, resumeUnfinished terminates what the record holds or its mark finds', async () => {
    f = await launchFixture({ startAgents: false });
    // A deployer killed after recording its instance, and one killed before recording its server.
    const aws = await simulateCrash(f, awsTemplate(), 'web-8', true);
    const hz = await simulateCrash(f, hetznerTemplate(), 'web-9', false);
    expect(f.ec2.runningInstances()).toHaveLength(1);
    expect(f.hetzner.runningServers()).toHaveLength(1);
    const { resume } = f.restart();
    expect(await resume.resumeUnfinished(0)).toEqual([]);
    const resumed = await resume.resumeUnfinished(Date.now());
    expect(resumed.map((r) => r.updateId).sort()).toEqual([aws, hz].sort());
    expect(f.ec2.runningInstances()).toEqual([]);
    expect(f.hetzner.runningServers()).toEqual([]);
    expect(f.hetzner.volumes()).toEqual([]);
    for (const id of [aws, hz]) {
      const state = await readLaunch(f.store, id);
      expect(state.status === 'Active' && state.launch).toMatchObject({
        phase: 'Failed',
        cleanup: { status: 'CleanedUp' },
      });
    }
    expect(await f.parts.resume.resumeUnfinished()).toEqual([]);
    expect(f.ec2.callsOf('RunInstances')).toHaveLength(1);
    expect(f.hetzner.callsOf('createServer')).toHaveLength(1);
  });
});

/**
 * A launch whose deployer died mid-way: its record and the machine it created, made through
 * the same parts, the run cut off where a kill -9 would cut it.
 */
async function simulateCrash(
  f: Fixture,
  config: ServerTemplateConfig,
  serverName: string,
  recordInstance: boolean,
): Promise<string> {
  const { newId, systemMeta } = await import('@monitor/resources');
  const { LaunchRecord } = await import('../../../apps/deployer/src/server-templates/launch');
  const { openMachines } =
    await import('../../../apps/deployer/src/server-templates/launch/open-machines');
  const { launchedTemplate } = await import('@monitor/domain');
  const updateId = newId();
  const record = new LaunchRecord(f.store, updateId, systemMeta());
  await record.apply({
    type: 'Request',
    updateId,
    serverName,
    provider: config.type,
    template: launchedTemplate({ id: 'tpl-crash', name: 'template-1', config }),
  });
  const timing = {
    instanceTimeoutMs: 2_000,
    agentTimeoutMs: 1_000,
    intervalMs: 25,
    maxIntervalMs: 100,
  };
  const credentials = f.parts.credentials.resolve(config);
  const machines = await openMachines(config, credentials, serverName, updateId, timing);
  try {
    await machines.createVolumes((volumeId) =>
      record.apply({ type: 'RecordVolume', volumeId }).then(() => undefined),
    );
    const id = await machines.launch('#!/bin/sh\necho booted\n');
    const region = config.type === 'Aws' ? { region: config.params.region } : {};
    if (recordInstance) await record.apply({ type: 'RecordInstance', instanceId: id, ...region });
  } finally {
    machines.close();
  }
  expect(serverLaunchStream(updateId)).toBe(`serverlaunch-${updateId}`);
  return updateId;
}
