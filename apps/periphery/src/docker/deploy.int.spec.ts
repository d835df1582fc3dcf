import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUSYBOX_TEST_IMAGE,
  ensureBusyboxImage,
  freePort,
  removeContainers,
} from '@monitor/testing';
import { eventually } from '../testing/eventually';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { ContainerStats, DeployAnswer } from '@monitor/contracts';
import type { Log } from './docker-shapes';

const SOCKET = '/var/run/docker.sock';

describe('DeployContainer (real engine)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const labels = { 'monitor-test': '1', 'monitor-test-run': run, app: 'web' };
  const name = `periphery-deploy-${run}`;
  const data = mkdtempSync(join(tmpdir(), 'periphery-deploy-'));
  let agent: TestAgent;

  /** sh ignores SIGTERM as PID 1: a 1 s stop timeout keeps each replacement short. */
  const spec = (overrides: object = {}) => ({
    cmd: ['sh', '-c', 'echo started; echo "$GREETING" > /data/hello; sleep 3600'],
    env: ['GREETING=hello from the agent'],
    exposedPorts: {},
    portBindings: {},
    binds: [`${data}:/data`],
    labels,
    networkMode: 'host',
    restartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
    stopTimeout: 1,
    ...overrides,
  });
  const deploy = async (params: object) => {
    const answer = await agent.call<DeployAnswer>('DeployContainer', params);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const inspect = (id: string) => docker.getContainer(id).inspect();
  const stages = (answer: DeployAnswer) => answer.logs.map((l) => [l.stage, l.success]);

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startTestAgent({ docker_socket: SOCKET });
  }, 30_000);

  afterAll(async () => {
    await removeContainers(docker, { 'monitor-test-run': run });
    await agent?.close();
    rmSync(data, { recursive: true, force: true });
  });

  let firstId: string;

  it('deploys a container with host network, env, labels, a bind and a restart policy', async () => {
    const answer = await deploy({ name, image: BUSYBOX_TEST_IMAGE, spec: spec() });
    expect(stages(answer)).toEqual([
      ['create container', true],
      ['stop old container', true],
      ['remove old container', true],
      ['start container', true],
    ]);
    expect(answer.logs[1].stdout).toBe(`skipped: no container named ${name} on this host`);
    expect(answer.logs[0].command).toContain('--env GREETING=***');
    expect(JSON.stringify(answer.logs)).not.toContain('hello from the agent');
    expect(answer.success).toBe(true);
    firstId = answer.container_id!;

    const info = await inspect(name);
    expect(info).toMatchObject({
      Id: firstId,
      Name: `/${name}`,
      State: { Running: true },
      Config: {
        Image: BUSYBOX_TEST_IMAGE,
        Env: expect.arrayContaining(['GREETING=hello from the agent']),
        Labels: labels,
      },
      HostConfig: {
        NetworkMode: 'host',
        Binds: [`${data}:/data`],
        RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
      },
    });
    await eventually(async () => {
      const log = (await agent.call<Log>('GetContainerLog', { name })).body;
      return log.stdout === 'started\n' ? true : undefined;
    }, 'the container to start');
    // Written by the container through the bind, from its environment.
    expect(readFileSync(join(data, 'hello'), 'utf8')).toBe('hello from the agent\n');
  });

  it('answers the container stats as docker stats prints them', async () => {
    const { status, body } = await agent.call<ContainerStats>('GetContainerStats', { name });
    expect(status).toBe(200);
    expect(body).toEqual({
      name,
      cpu_perc: expect.stringMatching(/^\d+\.\d\d%$/),
      mem_perc: expect.stringMatching(/^\d+\.\d\d%$/),
      mem_usage: expect.stringMatching(/^[\d.]+(B|KiB|MiB) \/ [\d.]+(B|KiB|MiB|GiB|TiB)$/),
      net_io: expect.stringMatching(/^[\d.]+k?B \/ [\d.]+k?B$/),
      block_io: expect.stringMatching(/^[\d.]+[kMG]?B \/ [\d.]+[kMG]?B$/),
      pids: expect.stringMatching(/^[1-9]\d*$/),
    });
  });

  it('replaces the running container: a new id under the name, the old one gone', async () => {
    const answer = await deploy({
      name,
      image: BUSYBOX_TEST_IMAGE,
      spec: spec({ env: ['GREETING=second'] }),
    });
    // A failed stage's own words first: the stage list alone would not say why.
    expect(answer.logs.filter((l) => !l.success).map((l) => l.stderr)).toEqual([]);
    expect(stages(answer)).toEqual([
      ['create container', true],
      ['stop old container', true],
      ['remove old container', true],
      ['start container', true],
    ]);
    expect(answer.logs[1].stdout).toMatch(/did not exit within 1s of SIGTERM: killed it/);
    expect(answer.container_id).not.toBe(firstId);
    await expect(inspect(firstId)).rejects.toMatchObject({ statusCode: 404 });
    const info = await inspect(name);
    expect(info).toMatchObject({ Id: answer.container_id, State: { Running: true } });
    expect(info.Config.Env).toContain('GREETING=second');
    firstId = answer.container_id!;
  });

  it.each([
    ['a bind with an empty host path', { binds: [':/data'] }, BUSYBOX_TEST_IMAGE],
    ['an image that is not on the host', {}, `monitor-test/absent-${run}:none`],
    [
      'a retry count the policy refuses',
      { restartPolicy: { Name: 'always', MaximumRetryCount: 3 } },
      BUSYBOX_TEST_IMAGE,
    ],
  ])('fails at create container with %s, the old container untouched', async (_, bad, image) => {
    const answer = await deploy({ name, image, spec: spec(bad) });
    expect(stages(answer)).toEqual([['create container', false]]);
    expect(answer).toMatchObject({ success: false, container_id: null });
    expect(answer.logs[0].stderr).toContain(`the old container ${name}, if any, was not touched`);
    expect(await inspect(name)).toMatchObject({ Id: firstId, State: { Running: true } });
    const leftovers = await docker.listContainers({
      all: true,
      filters: { label: [`monitor-test-run=${run}`] },
    });
    expect(leftovers.map((c) => c.Id)).toEqual([firstId]);
  });

  it('publishes a port on 127.0.0.1 with the bridge network', async () => {
    const port = await freePort();
    const web = `${name}-web`;
    const answer = await deploy({
      name: web,
      image: BUSYBOX_TEST_IMAGE,
      spec: spec({
        cmd: [
          'sh',
          '-c',
          'mkdir -p /www && echo served > /www/index.html && exec httpd -f -p 8080 -h /www',
        ],
        binds: [],
        networkMode: 'bridge',
        portBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] },
      }),
    });
    expect(answer.logs.filter((l) => !l.success)).toEqual([]);
    expect(answer.success).toBe(true);
    expect((await inspect(web)).NetworkSettings.Ports).toEqual({
      '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }],
    });
    const body = await eventually(
      () =>
        fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.text(),
          () => undefined,
        ),
      'the published port to answer',
    );
    expect(body).toBe('served\n');
  });

  it('leaves the new container created under the name when it cannot start', async () => {
    const answer = await deploy({
      name,
      image: BUSYBOX_TEST_IMAGE,
      spec: spec({ cmd: ['/no/such/program'] }),
    });
    expect(stages(answer)).toEqual([
      ['create container', true],
      ['stop old container', true],
      ['remove old container', true],
      ['start container', false],
    ]);
    expect(answer.logs[3].stderr).toMatch(/no such file or directory/);
    expect(answer.logs[3].stderr).toContain('is left created but not running');
    await expect(inspect(firstId)).rejects.toMatchObject({ statusCode: 404 });
    expect(await inspect(name)).toMatchObject({
      Id: answer.container_id,
      State: { Status: 'created' },
    });
  });

  it('sets the Engine fields extra_args translate to, and only those', async () => {
    const limited = `${name}-limited`;
    const refused = await agent.call<{ error: string }>('DeployContainer', {
      name: limited,
      image: BUSYBOX_TEST_IMAGE,
      spec: spec({ binds: [], extras: { host: { NetworkMode: 'bridge' } } }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('host.NetworkMode is not a field extra_args can set');
    const ok = await deploy({
      name: limited,
      image: BUSYBOX_TEST_IMAGE,
      spec: spec({
        binds: [],
        extras: {
          host: { Memory: 64 * 2 ** 20, CapAdd: ['NET_ADMIN'], Init: true },
          config: { User: '1000:1000', WorkingDir: '/tmp' },
        },
      }),
    });
    expect(ok.success).toBe(true);
    const info = await inspect(limited);
    expect(info.HostConfig).toMatchObject({
      Memory: 64 * 2 ** 20,
      CapAdd: ['NET_ADMIN'],
      Init: true,
    });
    expect(info.Config).toMatchObject({ User: '1000:1000', WorkingDir: '/tmp' });
  });

  it('refuses a malformed spec with 400 naming the field', async () => {
    const answer = await agent.call<{ error: string }>('DeployContainer', {
      name,
      image: BUSYBOX_TEST_IMAGE,
      spec: spec({ portBindings: { '8080/tcp': [{ HostPort: 8080 }] } }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/^DeployContainer: spec\.portBindings/);
    const badName = await agent.call<{ error: string }>('DeployContainer', {
      name: '../x',
      image: BUSYBOX_TEST_IMAGE,
      spec: spec(),
    });
    expect(badName).toMatchObject({ status: 400, body: { error: expect.stringMatching(/name/) } });
  });
});
