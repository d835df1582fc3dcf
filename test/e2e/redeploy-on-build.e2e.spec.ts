import Dockerode from 'dockerode';
import {
  decideBuild,
  evolveBuildRecord,
  initialBuildRecord,
  resourceStream,
  type Version,
} from '@monitor/domain';
import { eventMetadata, newId } from '@monitor/resources';
import {
  pushBusyboxImage,
  removeImageTags,
  startTestRegistry,
  type TestRegistry,
} from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed, type UpdateView as Update } from '../support/updates';
import { removeContainers } from '../support/leftovers';

const v = (major: number, minor: number, patch: number): Version => ({ major, minor, patch });
const IDLE = `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`;
const ENV = {
  ...LOCAL_AGENT_ENV,
  MONITOR_MONITORING_ENABLED: 'true',
  MONITOR_MONITORING_INTERVAL_MS: '400',
};

/**
 * RunBuild's record of a success, appended as the builder appends it: the domain's decideBuild
 * on the build's stream. The redeploy reacts to the event, whoever ran the build.
 */
async function recordBuilt(monitor: EmbeddedMonitor, buildId: string, version: Version) {
  const stream = resourceStream('Build', buildId);
  const events = await monitor.runtime.store.readStream(stream);
  const record = events.reduce(evolveBuildRecord, initialBuildRecord());
  const now = Date.now();
  const update_id = newId();
  const decided = decideBuild(record, {
    type: 'RecordBuildRun',
    run: { outcome: 'Built', update_id, version, started_at: now - 1000, ended_at: now },
  });
  const meta = eventMetadata({ userId: 'admin', via: 'api', correlationId: newId() });
  await monitor.runtime.store.append(
    stream,
    decided.map((e) => ({ ...e, id: newId(), metadata: meta })),
    events[events.length - 1].revision,
  );
  return update_id;
}

describe('redeploy on build: a successful build redeploys the deployments that follow it', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const build = `redeploy-build-${suffix}`;
  const follows = `redeploy-on-${suffix}`;
  const ignores = `redeploy-off-${suffix}`;
  const idle = `redeploy-idle-${suffix}`;
  let monitor: EmbeddedMonitor;
  let registry: TestRegistry;
  let images: string[] = [];

  const deployUpdates = (name: string) => {
    const id = monitor.runtime.readModel.resource('Deployment', name)!.id;
    return monitor.runtime.readModel.listUpdates(
      (u) => u.target?.id === id && u.operation === 'Deploy',
    );
  };
  const state = async (name: string) =>
    (await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListDeployments')).find(
      (d) => d.name === name,
    )?.info.state;

  beforeAll(async () => {
    registry = await startTestRegistry();
    const repository = `team/app-${suffix}`;
    images = [
      await pushBusyboxImage(docker, registry.address, repository, 'latest'),
      await pushBusyboxImage(docker, registry.address, repository, '0.0.2'),
    ];
    await removeImageTags(docker, images);
    monitor = await startEmbedded(ENV);
    await monitor.admin.write('CreateBuild', {
      name: build,
      config: {
        image_name: `app-${suffix}`,
        image_registry: [{ domain: registry.address, organization: 'team', account: '' }],
      },
    });
    const config = (redeploy_on_build: boolean) => ({
      server_id: 'local',
      image: { type: 'Build', params: { build_id: build, version: v(0, 0, 0) } },
      redeploy_on_build,
      command: IDLE,
      network: 'none',
    });
    await monitor.admin.write('CreateDeployment', { name: follows, config: config(true) });
    await monitor.admin.write('CreateDeployment', { name: ignores, config: config(false) });
    await monitor.admin.write('CreateDeployment', { name: idle, config: config(true) });
    for (const name of [follows, ignores]) {
      const update = await monitor.admin.execute<Update>('Deploy', { deployment: name });
      expect((await completed(monitor.admin, update)).success).toBe(true);
      await eventually(async () => expect(await state(name)).toBe('running'), 10_000);
    }
  }, 120_000);

  afterAll(async () => {
    await monitor?.destroy();
    await removeContainers(docker, follows, ignores, idle);
    await removeImageTags(docker, images).catch(() => undefined);
    await registry?.stop();
  }, 60_000);

  it('deploys the version built, as auto-redeploy, in an Update that names the build', async () => {
    const buildUpdate = await recordBuilt(
      monitor,
      monitor.runtime.readModel.resource('Build', build)!.id,
      v(0, 0, 2),
    );
    const redeploy = await eventually(async () => {
      const [latest] = deployUpdates(follows);
      expect(latest.operator).toBe('auto-redeploy');
      expect(latest.status).toBe('Complete');
      return latest;
    }, 30_000);
    expect(redeploy.success).toBe(true);
    const stage = (name: string) => redeploy.logs.find((l) => l.stage === name);
    expect(stage('build')?.stdout).toBe(
      `redeploy after Build '${build}' built version 0.0.2 (Update ${buildUpdate})`,
    );
    const image = `${registry.address}/team/app-${suffix}:0.0.2`;
    expect(stage('prepare')?.stdout).toContain(`image: ${image}`);
    expect((await docker.getContainer(follows).inspect()).Config.Image).toBe(image);

    // Without redeploy_on_build, or with no container running, nothing is deployed.
    expect(deployUpdates(ignores)).toHaveLength(1);
    expect(deployUpdates(idle)).toHaveLength(0);
    expect(await state(idle)).toBe('not_deployed');

    // A Deploy by hand of a deployment following the build runs its current version, as Komodo.
    const manual = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('Deploy', { deployment: ignores }),
    );
    expect(manual.logs.find((l) => l.stage === 'prepare')?.stdout).toContain(`image: ${image}`);
  }, 60_000);

  it('redeploys a build once: a restart reads on from its checkpoint', async () => {
    const before = deployUpdates(follows).length;
    await monitor.stop();
    monitor = await startEmbedded(ENV, monitor.dataDir);
    await new Promise((r) => setTimeout(r, 2000));
    expect(deployUpdates(follows)).toHaveLength(before);
  }, 60_000);
});
