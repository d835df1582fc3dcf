import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  BUSYBOX_TEST_IMAGE,
  TEST_LABEL,
  ensureBusyboxImage,
  removeContainers,
} from '@monitor/testing';
import { eventually } from '../../testing/eventually';
import { demuxLog } from '../log-frames';
import type { EngineContainer } from './container';
import { DockerClient } from './docker-client';
import { EngineApiError } from './engine-api-error';

const SOCKET = '/var/run/docker.sock';

describe('DockerClient: containers (real engine)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const client = new DockerClient({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const labels = { [TEST_LABEL]: '1', 'monitor-engine-test': run };
  const name = (what: string) => `engine-client-${run}-${what}`;

  /** A busybox container of this run, created through the client. */
  const create = (what: string, script: string, tty = false) =>
    client.containers.create({
      name: name(what),
      Image: BUSYBOX_TEST_IMAGE,
      Cmd: ['sh', '-c', script],
      Tty: tty,
      Labels: labels,
      // `sleep` as PID 1 ignores SIGTERM: a stop or restart would wait 10 s for nothing.
      StopTimeout: 1,
      HostConfig: { NetworkMode: 'none' },
    });
  const logOf = async (container: EngineContainer, tail = 100) =>
    demuxLog(await container.logs({ tail, timestamps: false }), false);
  /** Until the container has written `text` (stdout and stderr in order). */
  const written = (container: EngineContainer, text: string) =>
    eventually(
      async () => ((await logOf(container)).combined === text ? true : undefined),
      `${container.id} to write ${JSON.stringify(text)}`,
    );
  const refusal = (work: Promise<unknown>) =>
    work.then(
      () => {
        throw new Error('the engine accepted the call');
      },
      (error: unknown) => error as EngineApiError,
    );

  beforeAll(() => ensureBusyboxImage(docker), 30_000);
  afterAll(() => removeContainers(docker, { 'monitor-engine-test': run }));

  it('creates, lists by label, inspects, starts and removes a container', async () => {
    const container = await create('basic', 'sleep 3600');
    const created = await container.inspect();
    expect(created.Name).toBe(`/${name('basic')}`);
    expect(created.State.Status).toBe('created');
    expect(created.Config.Labels['monitor-engine-test']).toBe(run);

    await container.start();
    const listed = await client.containers.list({
      all: true,
      filters: { label: [`monitor-engine-test=${run}`] },
    });
    expect(listed.map((c) => c.Names[0])).toContain(`/${name('basic')}`);
    expect(listed.find((c) => c.Id === container.id)?.State).toBe('running');
    const sized = await client.container(name('basic')).inspect({ size: true });
    expect(sized).toHaveProperty('SizeRootFs', expect.any(Number));

    await container.remove({ force: true, v: true });
    const gone = await refusal(container.inspect());
    expect(gone).toBeInstanceOf(EngineApiError);
    expect(gone).toMatchObject({
      statusCode: 404,
      json: { message: expect.stringContaining('No such container') },
    });
  });

  it('answers 304 for a start of a running and a stop of a stopped container', async () => {
    const container = await create('again', 'sleep 3600');
    await container.start();
    expect(await refusal(container.start())).toMatchObject({ statusCode: 304 });
    await container.stop({ t: 0 });
    expect((await container.inspect()).State.Running).toBe(false);
    expect(await refusal(container.stop({ t: 0 }))).toMatchObject({ statusCode: 304 });
  });

  it('refuses a second container of the same name with 409', async () => {
    await create('twice', 'true');
    const conflict = await refusal(create('twice', 'true'));
    expect(conflict).toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('already in use'),
    });
  });

  it('pauses, unpauses, restarts and renames', async () => {
    const container = await create('states', 'sleep 3600');
    await container.start();
    await container.pause();
    expect((await container.inspect()).State.Paused).toBe(true);
    await container.unpause();
    expect((await container.inspect()).State.Paused).toBe(false);
    const startedAt = (await container.inspect()).State.StartedAt;
    await container.restart();
    const restarted = await container.inspect();
    expect(restarted.State.Running).toBe(true);
    expect(restarted.State.StartedAt).not.toBe(startedAt);
    await container.rename(name('renamed'));
    expect((await client.container(name('renamed')).inspect()).Id).toBe(container.id);
  });

  it('kills with a signal and waits for the exit code', async () => {
    const container = await create(
      'kill',
      "trap 'exit 7' USR1; echo ready; while :; do sleep 0.1; done",
    );
    await container.start();
    await written(container, 'ready\n');
    const exited = container.wait('not-running');
    await container.kill({ signal: 'SIGUSR1' });
    expect(await exited).toMatchObject({ StatusCode: 7 });
  });

  it('stops waiting when the wait is aborted, and the engine still answers', async () => {
    const container = await create('abort', 'sleep 3600');
    await container.start();
    const abort = new AbortController();
    const waited = container.wait('not-running', abort.signal);
    setTimeout(() => abort.abort(), 200);
    const began = Date.now();
    await expect(waited).rejects.toThrow();
    expect(Date.now() - began).toBeLessThan(5_000);
    expect((await container.inspect()).State.Running).toBe(true);
  });

  it("reads a log's tail, framed by stream without a TTY and raw with one", async () => {
    // Apart in time: the engine orders stdout and stderr lines by when it read them.
    const script = 'echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; sleep 3600';
    const plain = await create('log', script);
    const tty = await create('log-tty', script, true);
    await Promise.all([plain.start(), tty.start()]);
    await written(plain, 'one\ntwo\nthree\n');
    expect(await logOf(plain)).toEqual({
      stdout: 'one\nthree\n',
      stderr: 'two\n',
      combined: 'one\ntwo\nthree\n',
    });
    const last = demuxLog(await plain.logs({ tail: 1, timestamps: true }), false);
    expect(last.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z three\n$/);
    const ttyText = async () =>
      (await tty.logs({ tail: 100, timestamps: false })).toString('utf8').replace(/\r/g, '');
    await eventually(
      async () => ((await ttyText()) === 'one\ntwo\nthree\n' ? true : undefined),
      'the TTY log',
    );
  });

  it('answers one stats sample with the figures docker stats shows', async () => {
    const container = await create('stats', 'sleep 3600');
    await container.start();
    const stats = await container.stats();
    expect(stats.memory_stats.usage).toEqual(expect.any(Number));
    expect(stats.cpu_stats.cpu_usage.total_usage).toEqual(expect.any(Number));
    expect(stats.precpu_stats.system_cpu_usage).toEqual(expect.any(Number));
  });
});
