import { eventually } from '../support/eventually';
import { startFakeClouds, type FakeClouds } from '../support/fake-clouds';
import { freePort } from '../support/free-port';
import type { ApiClient } from '../support/api';
import type { MonitorProcess } from '../support/process-monitor';
import { exited, Replicas } from '../support/replicas';
import { completed, type UpdateView } from '../support/updates';

/**
 * kill -9 of the deployer mid-launch, distributed (gateway and deployer processes on NATS and
 * JetStream, the fake clouds in this process): its next start fails the launch, removes what
 * it made (recorded, or found by the launch's mark when the kill fell before the record) and
 * frees the name; no Update stays InProgress.
 */
describe('LaunchServer across a kill -9 of the deployer', () => {
  let clouds: FakeClouds;
  let replicas: Replicas;
  let admin: ApiClient;
  let deployer: MonitorProcess;

  beforeEach(async () => {
    clouds = await startFakeClouds();
    clouds.holdAgents(true);
    replicas = new Replicas('launchkill', {
      ...clouds.env,
      MONITOR_LAUNCH_INSTANCE_TIMEOUT_MS: '60000',
      MONITOR_AWS_TERMINATION_RETRY_MS: '100',
    });
    ({ admin } = await replicas.startGateway());
    deployer = await replicas.start('deployer', 'd1');
  });
  afterEach(async () => {
    await replicas?.stop();
    await clouds?.close();
  });

  const template = async (name: string, type: 'Aws' | 'Hetzner', params: object) =>
    eventually(() =>
      admin.write('CreateServerTemplate', {
        name,
        config: { type, params: { ...params, port: 8120, user_data: '#!/bin/sh\necho booted\n' } },
      }),
    );
  const launch = (name: string, server_template: string) =>
    admin.execute<UpdateView>('LaunchServer', { name, server_template });
  const kill = async () => {
    deployer.child.kill('SIGKILL');
    await exited(deployer);
    deployer = await replicas.start('deployer', 'd2');
  };
  /** Failed, with nothing left InProgress, nothing running, no volume, the name free. */
  const expectEnded = async (started: UpdateView, name: string) => {
    const done = await completed(admin, started, 60_000);
    expect(done.success).toBe(false);
    const unfinished = await admin.read<UpdateView[]>('ListUpdates', {});
    expect(JSON.stringify(unfinished)).not.toMatch(/"InProgress"/);
    await eventually(async () => {
      expect(clouds.ec2.runningInstances()).toEqual([]);
      expect(clouds.hetzner.runningServers()).toEqual([]);
      expect(clouds.hetzner.volumes()).toEqual([]);
    }, 30_000);
    await admin.write('CreateServer', { name, config: {} });
    return done;
  };

  it('killed while waiting for its instance: the restart terminates the recorded instance', async () => {
    clouds.ec2.neverReachRunning();
    await template('aws', 'Aws', { ami_id: 'ami-0123456789abcdef0' });
    const started = await launch('killed-aws', 'aws');
    await eventually(async () => {
      const update = await admin.read<UpdateView>('GetUpdate', { id: started._id.$oid });
      expect(update.logs.find((l) => l.stage === 'launch')?.success).toBe(true);
    }, 30_000);
    const [instanceId] = clouds.ec2.instances.keys();
    expect(clouds.ec2.instances.get(instanceId)?.state).toBe('pending');

    await kill();
    await expectEnded(started, 'killed-aws');
    expect(clouds.ec2.instances.get(instanceId)?.state).toMatch(/shutting-down|terminated/);
    expect(clouds.ec2.callsOf('RunInstances')).toHaveLength(1);
  }, 90_000);

  it('killed between RunInstances and its record: found by its ClientToken, terminated', async () => {
    await template('aws', 'Aws', { ami_id: 'ami-0123456789abcdef0' });
    const launched = clouds.ec2.stallAfterNextRun();
    const started = await launch('killed-unrecorded', 'aws');
    await launched;
    expect(clouds.ec2.runningInstances()).toHaveLength(1);

    await kill();
    await expectEnded(started, 'killed-unrecorded');
    expect(clouds.ec2.callsOf('RunInstances')).toHaveLength(1);
    const token = clouds.ec2.callsOf('RunInstances')[0].params.ClientToken;
    expect(token).toBe(`monitor-launch-${started._id.$oid}`);
  }, 90_000);

  it("killed between Hetzner's create answers and their record: found by the label, removed", async () => {
    const hetzner = {
      datacenter: 'Falkenstein1Dc14',
      server_type: 'cx22',
      private_network_ids: [7],
    };
    const volume = { name: `data-${await freePort()}`, size_gb: 10, format: 'Xfs', labels: {} };
    await template('hz-volume', 'Hetzner', { ...hetzner, volumes: [volume] });
    await template('hz-server', 'Hetzner', hetzner);
    const volumeCreated = clouds.hetzner.stallAfterNext('createVolume');
    const serverCreated = clouds.hetzner.stallAfterNext('createServer');
    const first = await launch('killed-volume', 'hz-volume');
    await volumeCreated;
    const second = await launch('killed-server', 'hz-server');
    await serverCreated;
    expect(clouds.hetzner.volumes()).toHaveLength(1);
    expect(clouds.hetzner.runningServers()).toHaveLength(1);

    await kill();
    for (const [started, name] of [
      [first, 'killed-volume'],
      [second, 'killed-server'],
    ] as const) {
      const done = await expectEnded(started, name);
      expect(done.logs.map((l) => l.stage)).toContain('interrupted');
    }
    expect(clouds.hetzner.callsOf('createServer')).toHaveLength(1);
    expect(clouds.hetzner.callsOf('deleteVolume')).toHaveLength(1);
  }, 90_000);
});
