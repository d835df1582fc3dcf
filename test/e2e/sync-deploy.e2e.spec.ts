import Dockerode from 'dockerode';
import { buildVariantImage } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { removeContainers } from '../support/leftovers';
import { completed, type UpdateView as Update } from '../support/updates';

/** `deploy = true`: what a sync creates or changes is deployed, each after what it waits for. */
describe('a sync deploys what it declares with deploy = true', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const image = `localhost/monitor-sync-deploy-${suffix}:1`;
  const names = ['db', 'web', 'broken', 'behind'].map((n) => `sync-${n}-${suffix}`);
  const [db, web, broken, behind] = names;
  let monitor: EmbeddedMonitor;

  const deployment = (name: string, img: string, after: string[] = []) => `
[[deployment]]
name = "${name}"
deploy = true
after = [${after.map((a) => `"${a}"`).join(', ')}]
[deployment.config]
server = "local"
image.type = "Image"
image.params.image = "${img}"
command = "/bin/sh -c \\"trap 'exit 0' TERM; sleep 3600 & wait\\""
network = "none"
termination_timeout = 1
`;

  beforeAll(async () => {
    await buildVariantImage(docker, image, `sync-deploy-${suffix}`);
    monitor = await startEmbedded({ ...LOCAL_AGENT_ENV });
  }, 120_000);

  afterAll(async () => {
    await monitor?.destroy();
    await removeContainers(docker, ...names);
    await docker
      .getImage(image)
      .remove()
      .catch(() => undefined);
  }, 60_000);

  it('deploys each after its after, across the plan; a failed one skips what waits for it', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: `deploys-${suffix}`,
      config: {
        file_contents: [
          deployment(db, image),
          deployment(web, image, [db]),
          deployment(broken, `localhost/monitor-missing-${suffix}:none`),
          deployment(behind, image, [broken]),
        ].join('\n'),
      },
    });
    const started = await monitor.admin.execute<Update>('RunSync', { sync: `deploys-${suffix}` });
    const run = await completed(monitor.admin, started, 120_000);
    expect(run.success).toBe(false);
    const log = (name: string) => run.logs.find((l) => l.stage === `Deploy Deployment '${name}'`);
    expect(log(db)?.success).toBe(true);
    expect(log(web)?.success).toBe(true);
    expect(log(broken)?.success).toBe(false);
    expect(log(behind)).toMatchObject({
      success: false,
      stderr: expect.stringContaining('skipped'),
    });
    for (const name of [db, web])
      expect((await docker.getContainer(name).inspect()).State.Running).toBe(true);
    await expect(docker.getContainer(behind).inspect()).rejects.toThrow();
    // web's Deploy began only once db's had ended.
    const updateOf = (name: string) =>
      monitor.admin.read<Update & { start_ts: number; end_ts: number }>('GetUpdate', {
        id: /Update (\S+):/.exec(`${log(name)?.stdout}`)![1],
      });
    expect((await updateOf(web)).start_ts).toBeGreaterThanOrEqual((await updateOf(db)).end_ts);
  }, 180_000);
});
