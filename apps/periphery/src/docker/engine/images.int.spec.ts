import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  BUSYBOX_TEST_IMAGE,
  ensureBusyboxImage,
  pushBusyboxImage,
  removeImageTags,
  startTestRegistry,
  type TestRegistry,
} from '@monitor/testing';
import type { ProgressEvent } from '../pull-progress';
import { DockerClient } from './docker-client';
import { readJsonLines } from './json-lines';

const SOCKET = '/var/run/docker.sock';

describe('DockerClient: images (real engine, private registry)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const client = new DockerClient({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const password = `engine-token-${randomBytes(8).toString('hex')}`;
  const tags: string[] = [];
  let registry: TestRegistry;
  let image: string;

  const account = () => ({ username: 'deployer', password, serveraddress: registry.address });
  const pull = async (reference: string, withAccount: boolean) =>
    readJsonLines<ProgressEvent>(
      await client.images.pull(reference, withAccount ? account() : undefined),
    );

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    registry = await startTestRegistry({ auth: { username: 'deployer', password } });
    image = await pushBusyboxImage(docker, registry.address, `engine-${run}`, 'v1', {
      username: 'deployer',
      password,
    });
    tags.push(image);
  }, 60_000);

  afterAll(async () => {
    await removeImageTags(docker, tags);
    await registry?.stop();
  });

  it('lists and inspects the local images', async () => {
    const listed = await client.images.list();
    expect(listed.some((i) => i.RepoTags?.includes(BUSYBOX_TEST_IMAGE))).toBe(true);
    const inspected = await client.images.inspect(BUSYBOX_TEST_IMAGE);
    expect(inspected.RepoTags).toContain(BUSYBOX_TEST_IMAGE);
    expect(
      await client.images.inspect('localhost/monitor-test/none:x').catch((e) => e),
    ).toMatchObject({
      statusCode: 404,
    });
  });

  it("pulls with the account in X-Registry-Auth, and reads the registry's digest", async () => {
    await removeImageTags(docker, [image]);
    const lines = await pull(image, true);
    expect(lines.filter((l) => l.error || l.errorDetail)).toEqual([]);
    expect(lines.at(-1)?.status).toMatch(/Downloaded newer image|Image is up to date/);
    const local = await client.images.inspect(image);
    const remote = await client.images.distribution(image, account());
    expect(local.RepoDigests).toContain(`${image.split(':v1')[0]}@${remote.Descriptor.digest}`);
  });

  it("says a registry's refusal, of the pull and of the digest alike", async () => {
    // Before it wrote anything the engine answers the refusal as the call's failure; once it
    // has answered 200, as an error line of the stream.
    const refusal = await pull(image, false).then(
      (lines) => lines.map((l) => l.errorDetail?.message ?? l.error).find(Boolean),
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/no basic auth|unauthorized/i);
    await expect(client.images.distribution(image)).rejects.toMatchObject({
      statusCode: expect.any(Number),
      message: expect.stringMatching(/unauthorized|no basic auth|authentication required/i),
    });
  });
});
