import { kindCategory } from '@monitor/domain';
import { NameRegistry } from '@monitor/resources';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { startFakeClouds, type FakeClouds } from '../support/fake-clouds';
import { freePort } from '../support/free-port';
import { completed, type UpdateView } from '../support/updates';

const cleanupAlerts = (monitor: EmbeddedMonitor) =>
  monitor.runtime.readModel.alerts.list((a) => a.data.type === 'ServerLaunchCleanupFailed');

/**
 * A deployer that stops mid-launch ends the launch and removes its machine itself; what it
 * could not remove is taken up by its next start (the open alert retried, then resolved).
 */
describe('LaunchServer across a stop and a start of Monitor', () => {
  let clouds: FakeClouds;
  let monitor: EmbeddedMonitor | undefined;

  beforeEach(async () => {
    clouds = await startFakeClouds();
  });
  afterEach(async () => {
    await monitor?.destroy();
    monitor = undefined;
    await clouds.close();
  });

  /** A Monitor with a launch waiting for an instance that never runs. */
  const launchingMonitor = async () => {
    const env = { ...clouds.env, MONITOR_AWS_TERMINATION_RETRY_MS: '100' };
    monitor = await startEmbedded(env);
    clouds.ec2.neverReachRunning();
    await monitor.admin.write('CreateServerTemplate', {
      name: 'tpl',
      config: {
        type: 'Aws',
        params: { ami_id: 'ami-0123456789abcdef0', port: await freePort(), user_data: '' },
      },
    });
    const started = await monitor.admin.execute<UpdateView>('LaunchServer', {
      name: 'web-restart',
      server_template: 'tpl',
    });
    await eventually(async () => expect(clouds.ec2.instances.size).toBe(1));
    const [instanceId] = clouds.ec2.instances.keys();
    return { env, started, instanceId, dataDir: monitor.dataDir };
  };
  const terminated = (instanceId: string) =>
    expect(clouds.ec2.instances.get(instanceId)?.state).toMatch(/shutting-down|terminated/);

  it('a stop mid-launch fails the launch at its step and terminates the instance', async () => {
    const { env, started, instanceId, dataDir } = await launchingMonitor();
    await monitor!.stop();
    terminated(instanceId);

    monitor = await startEmbedded(env, dataDir);
    const done = await completed(monitor.admin, started);
    expect(done.success).toBe(false);
    const waited = done.logs.find((l) => l.stage === 'wait for instance')!;
    expect([waited.success, waited.stderr]).toEqual([false, expect.stringMatching(/cancelled/)]);
    expect(done.logs.find((l) => l.stage === 'clean up')?.success).toBe(true);
    const names = new NameRegistry(monitor.runtime.store);
    expect(await names.holder(kindCategory('Server'), 'web-restart')).toBeUndefined();
    expect(monitor.runtime.readModel.resource('Server', 'web-restart')).toBeUndefined();
    expect(clouds.ec2.callsOf('RunInstances')).toHaveLength(1);
  });

  it('what the stop could not remove is removed by the next start, and its alert resolved', async () => {
    const { env, instanceId, dataDir } = await launchingMonitor();
    clouds.ec2.failNextTerminations(1_000);
    await monitor!.stop();
    expect(clouds.ec2.instances.get(instanceId)?.state).toBe('pending');

    clouds.ec2.stopFailingTerminations();
    monitor = await startEmbedded(env, dataDir);
    await eventually(async () => terminated(instanceId));
    await eventually(async () =>
      expect(cleanupAlerts(monitor!).map((a) => a.resolved)).toEqual([true]),
    );
  });
});
