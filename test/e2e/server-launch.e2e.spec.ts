import { AgentError, callAgent } from '@monitor/agent-client';
import type { Resource } from '@monitor/domain';
import { CapturingLogger } from '../support/capturing-logger';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { startFakeClouds, type FakeClouds } from '../support/fake-clouds';
import { freePort } from '../support/free-port';
import { expectNoSecret } from '../support/secret-search';
import { expectRefusedUnchanged } from '../support/security';
import { completed, type UpdateView } from '../support/updates';

const GREETING = 'hello-from-a-secret-variable-e2e';
const STAGES = ['prepare', 'launch', 'wait for instance', 'wait for agent', 'rotate passkey'];

const awsParams = async (extra: object = {}) => ({
  region: 'eu-west-3',
  instance_type: 't3.medium',
  ami_id: 'ami-0123456789abcdef0',
  subnet_id: 'subnet-0aaa1111',
  key_pair_name: 'ops',
  security_group_ids: ['sg-0bbb2222', 'sg-0ccc3333'],
  volumes: [
    { device_name: '/dev/sda1', size_gb: 30, volume_type: 'gp3', iops: 4000, throughput: 250 },
  ],
  use_https: true,
  port: await freePort(),
  user_data: '#!/bin/sh\necho [[GREETING]]\n',
  ...extra,
});

const hetznerParams = async () => ({
  datacenter: 'Falkenstein1Dc14',
  server_type: 'cx22',
  private_network_ids: [7],
  firewall_ids: [11],
  ssh_keys: ['ops-key'],
  labels: { team: 'web' },
  volumes: [{ name: 'data-1', size_gb: 10, format: 'Xfs', labels: { kind: 'data' } }],
  use_https: false,
  port: await freePort(),
  user_data: '#!/bin/sh\necho [[GREETING]]\n',
});

describe('LaunchServer through the gateway, against the fake clouds, up to a real agent', () => {
  const logger = new CapturingLogger();
  let clouds: FakeClouds;
  let monitor: EmbeddedMonitor;
  const answers: unknown[] = [];

  const launch = async (name: string, server_template: string) => {
    const started = await monitor.admin.execute<UpdateView>('LaunchServer', {
      name,
      server_template,
    });
    answers.push(started);
    expect(['Queued', 'InProgress']).toContain(started.status);
    const done = await completed(monitor.admin, started);
    answers.push(done);
    return done;
  };
  const serverNamed = (name: string) =>
    monitor.runtime.readModel.resource('Server', name) as Resource<'Server'> | undefined;
  const template = async (name: string, type: 'Aws' | 'Hetzner', params: object) =>
    monitor.admin.write('CreateServerTemplate', { name, config: { type, params } });

  /** The passkey the user data carried no longer opens the agent; the Server's own does. */
  const expectRotated = async (server: Resource<'Server'>, bootPasskey: string) => {
    const https = server.config.address.startsWith('https');
    const fingerprint = monitor.runtime.readModel.serverStatus.status(server.id)?.fingerprint;
    const agent = {
      address: server.config.address,
      insecureTls: https,
      ...(https ? { pinnedFingerprint: fingerprint } : {}),
    };
    const passkey = monitor.runtime.keyring.open(server.config.passkey as never) as string;
    await expect(callAgent({ ...agent, passkey }, 'GetVersion', {}, 5_000)).resolves.toBeDefined();
    const refused = await callAgent(
      { ...agent, passkey: bootPasskey },
      'GetVersion',
      {},
      5_000,
    ).catch((error: unknown) => error);
    expect((refused as AgentError).code).toBe('REFUSED');
    return passkey;
  };

  beforeAll(async () => {
    clouds = await startFakeClouds();
    monitor = await startEmbedded(clouds.env, undefined, logger);
    await monitor.admin.write('CreateVariable', {
      name: 'GREETING',
      value: GREETING,
      is_secret: true,
    });
  });
  afterAll(async () => {
    await monitor?.destroy();
    await clouds?.close();
  });

  it('EC2 over https: the Update at once, its stages, the template field for field, the Server Ok', async () => {
    await template('aws-tpl', 'Aws', await awsParams());
    const done = await launch('web-aws', 'aws-tpl');
    expect(done.logs.map((l) => [l.stage, l.success])).toEqual(
      [...STAGES, 'create server'].map((stage) => [stage, true]),
    );
    expect(done).toMatchObject({ operation: 'LaunchServer', success: true });
    const [run] = clouds.ec2.callsOf('RunInstances');
    expect(run.region).toBe('eu-west-3');
    expect(run.params).toMatchObject({
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 't3.medium',
      KeyName: 'ops',
      ClientToken: expect.stringMatching(/^monitor-launch-\w+$/),
      'BlockDeviceMapping.1.DeviceName': '/dev/sda1',
      'BlockDeviceMapping.1.Ebs.VolumeSize': '30',
      'BlockDeviceMapping.1.Ebs.VolumeType': 'gp3',
      'BlockDeviceMapping.1.Ebs.Iops': '4000',
      'BlockDeviceMapping.1.Ebs.Throughput': '250',
    });
    expect(Object.values(run.params)).toEqual(
      expect.arrayContaining(['subnet-0aaa1111', 'sg-0bbb2222', 'sg-0ccc3333']),
    );
    const [boot] = clouds.boots();
    expect(clouds.ec2.runningInstances()[0].userData).toContain(`echo ${GREETING}`);
    const server = serverNamed('web-aws')!;
    expect(server.config.address).toBe(`https://127.0.0.1:${boot.port}`);
    expect(await monitor.admin.read('GetServerState', { server: 'web-aws' })).toMatchObject({
      status: 'Ok',
    });
    const info = await monitor.admin.read<{ host_name?: string }>('GetSystemInformation', {
      server: 'web-aws',
    });
    expect(info).toHaveProperty('host_name');
    const passkey = await expectRotated(server, boot.passkey);
    const events = await monitor.runtime.store.readAll(0, 100_000);
    expectNoSecret(
      [answers, events, logger.lines],
      [...clouds.secrets, GREETING, passkey, boot.passkey, boot.tls!.key],
    );
  });

  it('Hetzner over http: volumes, then the server carrying the template, then the Server', async () => {
    await template('hz-tpl', 'Hetzner', await hetznerParams());
    const done = await launch('web-hz', 'hz-tpl');
    expect(done.logs.map((l) => [l.stage, l.success])).toEqual(
      ['prepare', 'create volumes', ...STAGES.slice(1), 'create server'].map((s) => [s, true]),
    );
    expect(clouds.hetzner.callsOf('createVolume')[0].body).toMatchObject({
      name: 'data-1',
      size: 10,
      location: 'fsn1',
      format: 'xfs',
      labels: { kind: 'data' },
    });
    expect(clouds.hetzner.callsOf('createServer')[0].body).toMatchObject({
      name: 'web-hz',
      server_type: 'cx22',
      datacenter: 'fsn1-dc14',
      ssh_keys: ['ops-key'],
      networks: [7],
      firewalls: [{ firewall: 11 }],
      labels: { team: 'web' },
      volumes: [clouds.hetzner.volumes()[0].id],
    });
    const server = serverNamed('web-hz')!;
    const boot = clouds.boots().find((b) => server.config.address.endsWith(`:${b.port}`))!;
    expect(server.config.address).toBe(`http://127.0.0.1:${boot.port}`);
    await expect(
      monitor.admin.read('GetSystemInformation', { server: 'web-hz' }),
    ).resolves.toHaveProperty('host_name');
    const passkey = await expectRotated(server, boot.passkey);
    const events = await monitor.runtime.store.readAll(0, 100_000);
    expectNoSecret(
      [answers, events, logger.lines],
      [...clouds.secrets, GREETING, passkey, boot.passkey],
    );
  });

  it('two racing launches of one name: one launches, the other is a 409 before any call', async () => {
    await template('race-tpl', 'Aws', await awsParams());
    const runs = clouds.ec2.callsOf('RunInstances').length;
    const params = { name: 'web-race', server_template: 'race-tpl' };
    const answers = await Promise.all([
      monitor.admin.call<UpdateView & { error?: string }>('execute', 'LaunchServer', params),
      monitor.admin.call<UpdateView & { error?: string }>('execute', 'LaunchServer', params),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body;
    expect((await completed(monitor.admin, winner)).success).toBe(true);
    expect(answers.find((a) => a.status === 409)!.body.error).toMatch(
      /name: a Server named 'web-race'/,
    );
    expect(clouds.ec2.callsOf('RunInstances')).toHaveLength(runs + 1);
  });

  it('a launch the provider refuses fails at launch with its reason, and the name is free again', async () => {
    const params = { ...(await hetznerParams()), volumes: [] };
    await template('hz-refused', 'Hetzner', params);
    clouds.hetzner.failNext('createServer', 1, 403, 'server limit reached');
    const done = await launch('web-refused', 'hz-refused');
    expect(done.success).toBe(false);
    const stages = done.logs.map((l) => [l.stage, l.success]);
    expect(stages).toEqual([
      ['prepare', true],
      ['launch', false],
      ['clean up', true],
    ]);
    expect(done.logs[1].stderr).toMatch(/server limit reached/);
    expect(done.logs[2].stdout).toMatch(/nothing was launched/);
    expect((await launch('web-refused', 'hz-refused')).success).toBe(true);
  });

  describe('bad input: refused before any cloud call', () => {
    const refused = async (
      verb: string,
      request: string,
      params: object,
      status: number,
      message: RegExp,
    ) => {
      const calls = clouds.callCount();
      await expectRefusedUnchanged(monitor, monitor.admin, verb, request, params, status, message);
      expect(clouds.callCount()).toBe(calls);
    };

    it.each([
      ['ami_id', { ami_id: 'ubuntu' }],
      ['instance_type', { instance_type: 'huge please' }],
      ['region', { region: 'mars-1' }],
      ['subnet_id', { subnet_id: 'net-1' }],
      ['security_group_ids', { security_group_ids: ['sg-0bbb2222', 'group'] }],
      ['volumes', { volumes: [{ device_name: '/dev/sda1', size_gb: 70_000, volume_type: 'gp3' }] }],
      ['user_data', { user_data: 'x'.repeat(17 * 1024) }],
    ])('a template with a bad %s is refused naming it', async (field, bad) => {
      const params = await awsParams(bad);
      await refused(
        'write',
        'CreateServerTemplate',
        { name: `bad-${field}`, config: { type: 'Aws', params } },
        400,
        new RegExp(`config\\.params\\.${field}`),
      );
    });

    it('a name taken by a Server is a 409, an unknown template a 404', async () => {
      await refused(
        'execute',
        'LaunchServer',
        { name: 'web-aws', server_template: 'aws-tpl' },
        409,
        /name: a Server named 'web-aws' already exists/,
      );
      await refused(
        'execute',
        'LaunchServer',
        { name: 'web-x', server_template: 'no-such-template' },
        404,
        /no ServerTemplate has the name or id 'no-such-template'/,
      );
      await refused(
        'execute',
        'LaunchServer',
        { name: ' web-x', server_template: 'aws-tpl' },
        400,
        /name: must not start or end with white space/,
      );
    });

    it('user data that renders over the limit, or names an unknown variable, fails in prepare', async () => {
      await monitor.admin.write('CreateVariable', { name: 'BIG', value: 'y'.repeat(20_000) });
      await template('too-big', 'Aws', await awsParams({ user_data: '#!/bin/sh\n[[BIG]]\n' }));
      await template(
        'unknown-var',
        'Aws',
        await awsParams({ user_data: 'echo [[NOT_A_VARIABLE]]' }),
      );
      const calls = clouds.callCount();
      const big = await launch('web-big', 'too-big');
      const unknown = await launch('web-unknown', 'unknown-var');
      for (const done of [big, unknown]) {
        expect(done.success).toBe(false);
        expect(done.logs.map((l) => [l.stage, l.success])).toEqual([['prepare', false]]);
      }
      expect(big.logs[0].stderr).toMatch(/user_data/);
      expect(unknown.logs[0].stderr).toMatch(/NOT_A_VARIABLE/);
      expect(clouds.callCount()).toBe(calls);
      // The failed launches gave their names back.
      expect(serverNamed('web-big')).toBeUndefined();
      await template('small', 'Aws', await awsParams({ user_data: '' }));
      expect((await launch('web-big', 'small')).success).toBe(true);
    });
  });
});
