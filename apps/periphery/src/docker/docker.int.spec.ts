import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  BUSYBOX_TEST_IMAGE,
  ensureBusyboxImage,
  removeContainers,
  startTestContainer,
} from '@monitor/testing';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type {
  ContainerListItem,
  ImageListItem,
  NetworkListItem,
  VolumeListItem,
} from '@monitor/contracts';
import type { Log } from './docker-shapes';

const SOCKET = '/var/run/docker.sock';

describe('Docker through the agent (real engine)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const labels = { 'monitor-test-run': run };
  const runFilter = ['monitor-test=1', `monitor-test-run=${run}`];
  const name = (what: string) => `periphery-test-${run}-${what}`;
  let agent: TestAgent;

  const list = async () => (await agent.call<ContainerListItem[]>('ListDockerContainers')).body;
  const until = async <T>(
    probe: () => Promise<T | undefined>,
    what: string,
    ms = 10_000,
  ): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startTestAgent({ docker_socket: SOCKET });
    // Docker copies stdout and stderr on separate pipes: the pause puts stderr first in the log.
    const talker = [
      'echo hello; echo oops >&2; sleep 0.5',
      'for i in 0 1 2; do echo line-$i; done',
      'echo "GET /login 401"; echo "GET /health 200"',
      'exec sleep 3600',
    ].join('; ');
    const stopped = await Promise.all([
      startTestContainer(docker, {
        name: name('talker'),
        cmd: ['/bin/busybox', 'sh', '-c', talker],
        labels,
      }),
      startTestContainer(docker, {
        name: name('sick'),
        cmd: ['/bin/busybox', 'sleep', '3600'],
        labels,
        healthcheck: { test: ['CMD', '/bin/busybox', 'false'], intervalMs: 200, retries: 1 },
      }),
      startTestContainer(docker, { name: name('stopped'), cmd: ['/bin/busybox', 'true'], labels }),
    ]).then(([, , container]) => container);
    await stopped.wait();
    // The talker has written everything once its last line is in the log.
    await until(async () => {
      const log = (await agent.call<Log>('GetContainerLog', { name: name('talker') })).body;
      return log.stdout?.includes('GET /health 200') ? true : undefined;
    }, 'the talker to write its log');
  }, 60_000);

  afterAll(async () => {
    await removeContainers(docker, labels);
    await agent?.close();
  });

  it('lists a running container with its image, state and labels', async () => {
    const talker = (await list()).find((c) => c.name === name('talker'));
    expect(talker).toMatchObject({
      state: 'running',
      image: BUSYBOX_TEST_IMAGE,
      image_id: expect.stringMatching(/^sha256:/),
      network_mode: 'none',
      labels: expect.objectContaining({ 'monitor-test': '1', 'monitor-test-run': run }),
      status: expect.stringMatching(/^Up/),
    });
    expect(talker).not.toHaveProperty('health');
    expect((await list()).find((c) => c.name === name('stopped'))).toMatchObject({
      state: 'exited',
    });
  });

  it('returns the log with stdout and stderr apart, and honours tail', async () => {
    const { status, body } = await agent.call<Log>('GetContainerLog', { name: name('talker') });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      stage: 'get container log',
      stdout: 'hello\nline-0\nline-1\nline-2\nGET /login 401\nGET /health 200\n',
      stderr: 'oops\n',
      success: true,
    });
    expect(body.end_ts).toBeGreaterThanOrEqual(body.start_ts);
    const tail = await agent.call<Log>('GetContainerLog', { name: name('talker'), tail: 2 });
    expect(tail.body).toMatchObject({ stdout: 'GET /login 401\nGET /health 200\n', stderr: '' });
    const stamped = await agent.call<Log>('GetContainerLog', {
      name: name('talker'),
      tail: 1,
      timestamps: true,
    });
    expect(stamped.body.stdout).toMatch(/^\d{4}-\d\d-\d\dT\S+ GET \/health 200\n$/);
  });

  it('searches the log in the agent: Or, And, invert', async () => {
    const search = async (params: object) =>
      (await agent.call<Log>('GetContainerLogSearch', { name: name('talker'), ...params })).body
        .stdout;
    // Docker copies stdout and stderr separately: their relative order in the log may vary.
    const lines = (text: string) => text.split('\n').filter(Boolean).sort();
    expect(lines(await search({ terms: ['hello', 'oops'], combinator: 'Or' }))).toEqual([
      'hello',
      'oops',
    ]);
    expect(await search({ terms: ['GET', '401'], combinator: 'And' })).toBe('GET /login 401\n');
    expect(await search({ terms: ['GET', '500'], combinator: 'And' })).toBe('');
    expect(
      lines(await search({ terms: ['line-', 'GET'], combinator: 'Or', invert: true })),
    ).toEqual(['hello', 'oops']);
  });

  it('reports a container whose healthcheck fails as unhealthy', async () => {
    const sick = await until(async () => {
      const item = (await list()).find((c) => c.name === name('sick'));
      return item?.health === 'unhealthy' ? item : undefined;
    }, 'the healthcheck to fail');
    expect(sick).toMatchObject({
      state: 'running',
      status: expect.stringContaining('(unhealthy)'),
    });
  });

  it('inspects a container', async () => {
    const { body } = await agent.call<{ Name: string; State: { Running: boolean } }>(
      'InspectContainer',
      {
        name: name('talker'),
      },
    );
    expect(body).toMatchObject({ Name: `/${name('talker')}`, State: { Running: true } });
  });

  it.each(['a; rm -rf /', '$(x)', '`x`', '.', '..', '../images/json', name('missing')])(
    'answers the name %j with a clean 404',
    async (bad) => {
      for (const type of ['GetContainerLog', 'InspectContainer']) {
        const answer = await agent.call<{ error: string; code: string }>(type, { name: bad });
        expect(answer).toEqual({
          status: 404,
          body: {
            error: `no container named ${JSON.stringify(bad)} on this host`,
            trace: [],
            code: 'NOT_FOUND',
          },
        });
      }
    },
  );

  it('lists images, networks and volumes in Komodo shapes', async () => {
    const volume = name('vol');
    await docker.createVolume({ Name: volume, Labels: { 'monitor-test': '1', ...labels } });
    const [images, networks, volumes] = await Promise.all([
      agent.call<ImageListItem[]>('ListDockerImages'),
      agent.call<NetworkListItem[]>('ListDockerNetworks'),
      agent.call<VolumeListItem[]>('ListDockerVolumes'),
    ]);
    // By its tags, not its name (the first tag): the image may carry others, e.g. the
    // registry tags `pushBusyboxImage` gives it.
    expect(images.body.find((i) => i.tags.includes(BUSYBOX_TEST_IMAGE))).toMatchObject({
      in_use: true,
      size: expect.any(Number),
    });
    expect(networks.body.find((n) => n.name === 'none')).toMatchObject({
      driver: 'null',
      in_use: true,
    });
    expect(volumes.body.find((v) => v.name === volume)).toMatchObject({
      driver: 'local',
      scope: 'local',
      in_use: false,
    });
  });

  it('prunes what the filters select, and nothing else', async () => {
    const network = await docker.createNetwork({
      Name: name('net'),
      Labels: { 'monitor-test': '1', ...labels },
    });
    const stoppedId = (await list()).find((c) => c.name === name('stopped'))!.id;
    const prune = async (type: string) =>
      (await agent.call<Log>(type, { filters: { label: runFilter } })).body;

    const containers = await prune('PruneContainers');
    expect(containers).toMatchObject({ stage: 'prune containers', success: true });
    expect(containers.command).toContain('--filter label=monitor-test=1');
    expect(containers.stdout).toContain(stoppedId);
    expect(containers.stdout).toMatch(/Total reclaimed space: \d/);
    const left = (await list()).map((c) => c.name);
    expect(left).not.toContain(name('stopped'));
    expect(left).toEqual(expect.arrayContaining([name('talker'), name('sick')]));

    expect((await prune('PruneNetworks')).stdout).toContain(name('net'));
    expect((await prune('PruneVolumes')).stdout).toContain(name('vol'));
    expect((await prune('PruneImages')).stdout).toContain('Deleted Images: none');
    expect((await prune('PruneSystem')).stdout).toContain('Deleted Containers: none');
    await expect(network.inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});
