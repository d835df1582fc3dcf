import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  BUSYBOX_TEST_IMAGE,
  buildVariantImage,
  ensureBusyboxImage,
  pushBusyboxImage,
  removeImageTags,
  startTestRegistry,
  type TestRegistry,
} from '@monitor/testing';
import { callAgentStreaming, type AgentOutputFrame } from '@monitor/agent-client';
import { callAgent } from '../testing/call-agent';
import { startTestAgent, TEST_PASSKEY, type TestAgent } from '../testing/test-agent';
import type { PullImageAnswer } from '@monitor/contracts';

const SOCKET = '/var/run/docker.sock';

describe('PullImage from a real private registry', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const token = `registry-token-${randomBytes(8).toString('hex')}`;
  const tags: string[] = [];
  let registry: TestRegistry;
  let agent: TestAgent;

  const account = () => ({ domain: registry.address, username: 'deployer', token });
  const pull = (image: string, withAccount = true) =>
    agent.call<PullImageAnswer & { error?: string }>('PullImage', {
      image,
      ...(withAccount ? { registry: account() } : {}),
    });
  const isLocal = (image: string) =>
    docker
      .getImage(image)
      .inspect()
      .then(
        () => true,
        () => false,
      );

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    [registry, agent] = await Promise.all([
      startTestRegistry({ auth: { username: 'deployer', password: token } }),
      startTestAgent({ docker_socket: SOCKET }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await removeImageTags(docker, tags);
    await Promise.all([agent?.close(), registry?.stop()]);
  });

  it('pulls with the account after the local copy was removed', async () => {
    const image = await pushBusyboxImage(docker, registry.address, `pull-${run}`, 'v1', {
      username: 'deployer',
      password: token,
    });
    tags.push(image);
    await removeImageTags(docker, [image]);
    expect(await isLocal(image)).toBe(false);

    // The registry refuses a pull without the account: the credentials are what lets it in.
    const refused = await pull(image, false);
    expect(refused.body).toMatchObject({ success: false, local_image_available: false });
    expect(refused.body.stderr).toMatch(
      /no basic auth credentials|unauthorized|authentication required/,
    );
    expect(await isLocal(image)).toBe(false);

    const { status, body } = await pull(image);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      stage: 'pull image',
      command: `docker pull ${image}`,
      success: true,
      stderr: '',
      local_image_available: true,
    });
    expect(body.stdout).toContain(`pulling as deployer at ${registry.address}`);
    expect(body.stdout).toMatch(/Status: Downloaded newer image for/);
    expect(JSON.stringify(body)).not.toContain(token);
    expect(await isLocal(image)).toBe(true);
  });

  it('streams the pull as the lines docker pull prints, to a caller that asks', async () => {
    const image = await pushBusyboxImage(docker, registry.address, `pull-${run}`, 'live', {
      username: 'deployer',
      password: token,
    });
    tags.push(image);
    await removeImageTags(docker, [image]);
    const frames: AgentOutputFrame[] = [];
    const { body } = await callAgentStreaming<PullImageAnswer>(
      { address: agent.url, passkey: TEST_PASSKEY, insecureTls: false },
      'PullImage',
      { image, registry: account() },
      30_000,
      (frame) => frames.push(frame),
    );
    expect(body.success).toBe(true);
    expect(frames.every((f) => f.stage === 'pull image' && f.stream === 'stdout')).toBe(true);
    const streamed = frames.map((f) => f.text).join('');
    expect(streamed).toMatch(/^pulling as deployer at .*\n(.|\n)*Status: Downloaded newer image/);
    // The Log answered is the text that streamed.
    expect(body.stdout).toBe(streamed);
    expect(JSON.stringify(frames)).not.toContain(token);
  });

  it('reports a failed pull of an image on the host as such, with the local copy usable', async () => {
    // Tagged here, never pushed: the registry has no such manifest.
    const image = `${registry.address}/local-only-${run}:v1`;
    await docker.getImage(BUSYBOX_TEST_IMAGE).tag({ repo: image.replace(/:v1$/, ''), tag: 'v1' });
    tags.push(image);

    const { status, body } = await pull(image);
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: false, local_image_available: true });
    expect(body.stdout).toContain(`'${image}' is on this host already: that copy will be used`);
    expect(body.stderr).toMatch(new RegExp(`^pulling '${image}' failed: .*manifest unknown`));
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it('fails clearly for an image that is nowhere', async () => {
    const image = `${registry.address}/nowhere-${run}:v1`;
    const { status, body } = await pull(image);
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: false, local_image_available: false });
    expect(body.stderr).toMatch(
      new RegExp(`^image '${image}' not found locally and the pull failed: .*not found`),
    );
    expect(JSON.stringify(body)).not.toContain(token);

    // A registry that is not there at all: the same answer, with the engine's reason.
    const closed = await pull(`127.0.0.1:1/nowhere-${run}:v1`, false);
    expect(closed.body).toMatchObject({ success: false, local_image_available: false });
    expect(closed.body.stderr).toMatch(
      /not found locally and the pull failed: .*connection refused/,
    );
  });

  it('never sends the account to another registry than its own', async () => {
    const { status, body } = await agent.call<{ error: string }>('PullImage', {
      image: `127.0.0.1:1/other-${run}:v1`,
      registry: account(),
    });
    expect(status).toBe(400);
    expect(body.error).toMatch(/^registry\.domain: the account is for/);
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it('answers malformed params with 400 naming the field, never echoing the token', async () => {
    const bad = await agent.call<{ error: string }>('PullImage', {
      image: 'app; rm -rf /',
      registry: { ...account(), token: 42 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/image/);
    expect(bad.body.error).toMatch(/registry\.token/);
  });

  it('tells whether a container runs what its image reference names at the registry now', async () => {
    const auth = { username: 'deployer', password: token };
    const image = await pushBusyboxImage(docker, registry.address, `moving-${run}`, 'stable', auth);
    tags.push(image);
    const container = await docker.createContainer({ name: `moving-${run}`, Image: image });
    try {
      const check = () =>
        agent.call<{ update_available: boolean; remote_digest: string; error?: string }>(
          'CheckImageUpdate',
          { image, container: `moving-${run}`, registry: account() },
        );
      const same = await check();
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({
        update_available: false,
        remote_digest: expect.stringMatching(/^sha256:/),
      });
      const variant = `monitor-test/variant-${run}:latest`;
      await buildVariantImage(docker, variant, run);
      tags.push(variant);
      await pushBusyboxImage(docker, registry.address, `moving-${run}`, 'stable', auth, variant);
      const moved = await check();
      expect(moved.body.update_available).toBe(true);
      expect(moved.body.remote_digest).not.toBe(same.body.remote_digest);
      const missing = await agent.call<{ error: string }>('CheckImageUpdate', {
        image,
        container: `no-such-${run}`,
      });
      expect(missing.status).toBe(404);
    } finally {
      await container.remove({ force: true });
    }
  });

  it('logged nothing that holds the token, in any of these requests', async () => {
    // The agent logs refusals: one whose authorization header is the token itself, too.
    const plain = await callAgent(agent.url, 'PullImage', {}, { authorization: token });
    expect(plain.status).toBe(401);
    expect(agent.logger.lines.length).toBeGreaterThan(0);
    expect(agent.logger.lines.join('\n')).not.toContain(token);
  });
});
