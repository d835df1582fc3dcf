import { kindCategory } from '@monitor/domain';
import { NameRegistry } from '@monitor/resources';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { startFakeClouds, type FakeClouds } from '../support/fake-clouds';
import { freePort } from '../support/free-port';
import { completed, type UpdateView } from '../support/updates';

interface AlertJson {
  _id: { $oid: string };
  level: string;
  resolved: boolean;
  data: { type: string; data: Record<string, unknown> };
}

const awsParams = async () => ({
  ami_id: 'ami-0123456789abcdef0',
  port: await freePort(),
  user_data: '#!/bin/sh\necho booted\n',
});
const hetznerParams = async () => ({
  datacenter: 'Falkenstein1Dc14',
  server_type: 'cx22',
  private_network_ids: [7],
  volumes: [{ name: `data-${await freePort()}`, size_gb: 10, format: 'Xfs', labels: {} }],
  port: await freePort(),
  user_data: '#!/bin/sh\necho booted\n',
});

/**
 * The launch's faults through the gateway (issue 17): after each the fakes hold no running
 * machine and no volume, the Update failed naming the step and how its cleanup ended, no
 * Server exists and the name is free again.
 */
describe('LaunchServer faults through the gateway, against the fake clouds', () => {
  let clouds: FakeClouds;
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    clouds = await startFakeClouds();
    monitor = await startEmbedded({
      ...clouds.env,
      MONITOR_LAUNCH_INSTANCE_TIMEOUT_MS: '2500',
      MONITOR_LAUNCH_AGENT_TIMEOUT_MS: '2000',
      MONITOR_AWS_TERMINATION_RETRY_MS: '100',
    });
    await monitor.admin.write('CreateServerTemplate', {
      name: 'aws',
      config: { type: 'Aws', params: await awsParams() },
    });
    await monitor.admin.write('CreateServerTemplate', {
      name: 'hetzner',
      config: { type: 'Hetzner', params: await hetznerParams() },
    });
  });
  afterEach(() => clouds.holdAgents(false));
  afterAll(async () => {
    await monitor?.destroy();
    await clouds?.close();
  });

  const launch = async (name: string, server_template: string) => {
    const started = await monitor.admin.execute<UpdateView>('LaunchServer', {
      name,
      server_template,
    });
    return completed(monitor.admin, started);
  };
  const stage = (done: UpdateView, name: string) => done.logs.find((l) => l.stage === name);

  /** Failed at `step`, cleaned up, nothing left running or stored, the name free. */
  const expectFailedAndClean = async (done: UpdateView, name: string, step: string) => {
    expect(done.success).toBe(false);
    expect(stage(done, step)?.success).toBe(false);
    const cleanup = stage(done, 'clean up')!;
    expect(cleanup.success).toBe(true);
    expect(cleanup.stdout).toMatch(new RegExp(`launch failed at '${step}'; cleaned up`));
    await expectNothingLeft(name);
  };
  const expectNothingLeft = async (name: string) => {
    await eventually(async () => {
      expect(clouds.ec2.runningInstances()).toEqual([]);
      expect(clouds.hetzner.runningServers()).toEqual([]);
      expect(clouds.hetzner.volumes()).toEqual([]);
    });
    expect(monitor.runtime.readModel.resource('Server', name)).toBeUndefined();
    const names = new NameRegistry(monitor.runtime.store);
    expect(await names.holder(kindCategory('Server'), name)).toBeUndefined();
  };
  const cleanupAlerts = async () =>
    (
      await monitor.admin.read<{ alerts: AlertJson[] }>('ListAlerts', {
        query: { 'data.type': 'ServerLaunchCleanupFailed' },
      })
    ).alerts;

  it('an agent that never answers, on EC2 and on Hetzner: failed at its wait, terminated', async () => {
    clouds.holdAgents(true);
    await expectFailedAndClean(await launch('mute-aws', 'aws'), 'mute-aws', 'wait for agent');
    await expectFailedAndClean(await launch('mute-hz', 'hetzner'), 'mute-hz', 'wait for agent');
  });

  it('DescribeInstances answering 500 through the wait: failed at it, the instance terminated', async () => {
    const runs = clouds.ec2.callsOf('RunInstances').length;
    clouds.ec2.failNextDescribes(1_000, 500);
    const done = await launch('blind', 'aws');
    clouds.ec2.stopFailingDescribes();
    expect(clouds.ec2.callsOf('RunInstances')).toHaveLength(runs + 1);
    expect(stage(done, 'wait for instance')?.stderr).toMatch(/internal error/);
    await expectFailedAndClean(done, 'blind', 'wait for instance');
  });

  it('the connection dropped after RunInstances: exactly one instance, found by its mark, terminated', async () => {
    clouds.holdAgents(true);
    const runs = clouds.ec2.callsOf('RunInstances').length;
    const instances = clouds.ec2.instances.size;
    clouds.ec2.dropConnectionAfterNextRun();
    const done = await launch('dropped', 'aws');
    const calls = clouds.ec2.callsOf('RunInstances').slice(runs);
    expect(new Set(calls.map((c) => c.params.ClientToken))).toEqual(
      new Set([`monitor-launch-${done._id.$oid}`]),
    );
    expect(clouds.ec2.instances.size).toBe(instances + 1);
    await expectFailedAndClean(done, 'dropped', 'wait for agent');
  });

  it.each([
    ['EC2 TerminateInstances', 'aws', 'stuck-aws'],
    ['Hetzner DELETE /servers', 'hetzner', 'stuck-hz'],
  ])(
    '%s failing: a CRITICAL cleanup alert, open until the fake recovers, then resolved',
    async (_, tpl, name) => {
      clouds.holdAgents(true);
      if (tpl === 'aws') clouds.ec2.failNextTerminations(1_000);
      else clouds.hetzner.failNext('deleteServer', 1_000);
      const done = await launch(name, tpl);
      expect(done.success).toBe(false);
      const cleanup = stage(done, 'clean up')!;
      expect([cleanup.success, cleanup.stderr]).toEqual([
        false,
        expect.stringMatching(
          /launch failed at 'wait for agent'; cleanup failed .* alert \S+ stays open/,
        ),
      ]);
      const open = (await cleanupAlerts()).filter((a) => !a.resolved);
      expect(open).toHaveLength(1);
      expect(open[0].level).toBe('CRITICAL');
      expect(clouds.ec2.runningInstances().length + clouds.hetzner.runningServers().length).toBe(1);

      if (tpl === 'aws') clouds.ec2.stopFailingTerminations();
      else clouds.hetzner.stopFailing('deleteServer');
      await eventually(async () => {
        const alert = (await cleanupAlerts()).find((a) => a._id.$oid === open[0]._id.$oid);
        expect(alert?.resolved).toBe(true);
      }, 20_000);
      await expectNothingLeft(name);
    },
  );

  it('a name a failed launch held launches again', async () => {
    clouds.holdAgents(true);
    await expectFailedAndClean(await launch('again', 'aws'), 'again', 'wait for agent');
    clouds.holdAgents(false);
    const done = await launch('again', 'aws');
    expect(done.success).toBe(true);
    expect(monitor.runtime.readModel.resource('Server', 'again')).toBeDefined();
  });
});
