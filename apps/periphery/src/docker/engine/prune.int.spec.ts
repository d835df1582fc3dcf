import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  BUSYBOX_TEST_IMAGE,
  TEST_LABEL,
  buildVariantImage,
  ensureBusyboxImage,
  removeContainers,
  removeImageTags,
} from '@monitor/testing';
import { DockerClient } from './docker-client';

const SOCKET = '/var/run/docker.sock';

/**
 * On the engine other tests share: every prune is filtered by this run's label, so it removes
 * what this file made and nothing else.
 */
describe('DockerClient: prune (real engine)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const client = new DockerClient({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const name = `engine-prune-${run}`;
  const mine = `monitor-engine-test=${run}`;
  const Labels = { [TEST_LABEL]: '1', 'monitor-engine-test': run };
  const variant = `localhost/monitor-test/engine-prune-${run}:v1`;

  beforeAll(() => ensureBusyboxImage(docker), 30_000);
  afterAll(async () => {
    await removeContainers(docker, { 'monitor-engine-test': run });
    await removeImageTags(docker, [variant]);
  });

  it('removes stopped containers, unused networks and volumes that carry the label', async () => {
    const stopped = await docker.createContainer({
      name,
      Image: BUSYBOX_TEST_IMAGE,
      Cmd: ['true'],
      Labels,
      HostConfig: { NetworkMode: 'none' },
    });
    await docker.createNetwork({ Name: name, Labels });
    await docker.createVolume({ Name: name, Labels });

    const containers = await client.prune.containers({ label: [mine] });
    expect(containers.ContainersDeleted).toEqual([stopped.id]);
    expect(containers.SpaceReclaimed).toEqual(expect.any(Number));
    expect((await client.prune.networks({ label: [mine] })).NetworksDeleted).toEqual([name]);
    expect((await client.prune.volumes({ label: [mine] })).VolumesDeleted).toEqual([name]);
    // Nothing of the run is left: the engine answers null, not [], for an empty list.
    expect((await client.prune.containers({ label: [mine] })).ContainersDeleted).toBeNull();
  });

  it('removes an unused tagged image when asked for more than the dangling ones', async () => {
    await buildVariantImage(docker, variant, run);
    const filters = { label: [`monitor-test-variant=${run}`] };
    expect((await client.prune.images(filters)).ImagesDeleted).toBeNull();
    const pruned = await client.prune.images({ ...filters, dangling: ['false'] });
    expect(pruned.ImagesDeleted).toContainEqual({ Untagged: variant });
    await expect(client.images.inspect(variant)).rejects.toMatchObject({ statusCode: 404 });
  }, 30_000);

  it('prunes the build cache, answering what went', async () => {
    const cache = await client.prune.builder();
    expect(cache.SpaceReclaimed).toEqual(expect.any(Number));
    expect(cache.CachesDeleted === null || Array.isArray(cache.CachesDeleted)).toBe(true);
  });
});
