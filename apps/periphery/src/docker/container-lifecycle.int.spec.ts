import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { ensureBusyboxImage, removeContainers, startTestContainer } from '@monitor/testing';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { Log } from './docker-shapes';

const SOCKET = '/var/run/docker.sock';

/**
 * A shell that exits cleanly on `signal`, or (without one) ignores SIGTERM. It says `ready` once
 * its trap is set: as PID 1 it ignores a signal that arrives before, which would hang the test.
 */
const waiter = (signal?: string) => [
  'sh',
  '-c',
  `${signal ? `trap 'echo got-${signal}; exit 0' ${signal}` : "trap '' TERM"}; echo ready; while :; do sleep 0.1; done`,
];

describe('container lifecycle requests (real engine)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const labels = { 'monitor-test-run': run };
  const name = (what: string) => `periphery-life-${run}-${what}`;
  let agent: TestAgent;

  const call = async (type: string, params: object) => {
    const answer = await agent.call<Log>(type, params);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const state = async (container: string) => (await docker.getContainer(container).inspect()).State;
  const start = async (what: string, signal?: string) => {
    const container = await startTestContainer(docker, {
      name: name(what),
      cmd: waiter(signal),
      labels,
    });
    const deadline = Date.now() + 10_000;
    while (!(await call('GetContainerLog', { name: name(what) })).stdout.includes('ready')) {
      if (Date.now() > deadline) throw new Error(`${name(what)} never set its trap`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return container;
  };
  /** Stops through the agent; answers the Log, how long it took and how the container ended. */
  const timedStop = async (container: string, params: object) => {
    const began = Date.now();
    const log = await call('StopContainer', { name: container, ...params });
    return { log, seconds: (Date.now() - began) / 1000, state: await state(container) };
  };

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startTestAgent({ docker_socket: SOCKET });
  }, 30_000);

  afterAll(async () => {
    await removeContainers(docker, labels);
    await agent?.close();
  });

  it('stops, starts, restarts, pauses, unpauses and removes', async () => {
    const box = name('box');
    await start('box', 'TERM');

    const stopped = await call('StopContainer', { name: box });
    expect(stopped).toMatchObject({ stage: 'stop container', success: true });
    expect(stopped.stdout).toMatch(/stopped .*: SIGTERM, then up to 10s; exited with code 0/);
    expect(await state(box)).toMatchObject({ Running: false, ExitCode: 0 });
    expect((await call('StopContainer', { name: box })).stdout).toContain('was not running');

    expect(await call('StartContainer', { name: box })).toMatchObject({ success: true });
    expect(await state(box)).toMatchObject({ Running: true });
    expect((await call('StartContainer', { name: box })).stdout).toBe(`${box} was already running`);

    const before = (await state(box)).StartedAt;
    expect(await call('RestartContainer', { name: box })).toMatchObject({ success: true });
    const restarted = await state(box);
    expect(restarted.Running).toBe(true);
    expect(restarted.StartedAt).not.toBe(before);

    expect(await call('PauseContainer', { name: box })).toMatchObject({ success: true });
    expect(await state(box)).toMatchObject({ Running: true, Paused: true });
    // The engine refuses a second pause: a failed Log, not an HTTP error.
    const again = await call('PauseContainer', { name: box });
    expect(again).toMatchObject({
      success: false,
      stderr: expect.stringContaining('already paused'),
    });
    expect(await call('UnpauseContainer', { name: box })).toMatchObject({ success: true });
    expect(await state(box)).toMatchObject({ Running: true, Paused: false });

    const removed = await call('RemoveContainer', { name: box });
    expect(removed).toMatchObject({ stage: 'remove container', success: true });
    expect(removed.stdout).toContain(`removed ${box}`);
    await expect(docker.getContainer(box).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(await call('RemoveContainer', { name: box })).toMatchObject({
      success: true,
      stdout: `${box} was not there: nothing to remove`,
    });
  });

  it('answers 404 naming a container that does not exist, 400 for an impossible name', async () => {
    const missing = name('missing');
    for (const type of [
      'StartContainer',
      'StopContainer',
      'RestartContainer',
      'PauseContainer',
      'UnpauseContainer',
      'GetContainerStats',
    ]) {
      expect(await agent.call(type, { name: missing })).toEqual({
        status: 404,
        body: {
          error: `no container named "${missing}" on this host`,
          trace: [],
          code: 'NOT_FOUND',
        },
      });
      const bad = await agent.call<{ error: string }>(type, { name: '../images/json' });
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
      expect(bad.body.error).toMatch(new RegExp(`^${type}: name must be a container name`));
    }
    const stop = await agent.call<{ error: string }>('StopContainer', {
      name: missing,
      signal: 'KILL; x',
    });
    expect(stop).toMatchObject({ status: 400, body: { error: expect.stringMatching(/signal/) } });
  });

  it('stops gracefully: a container handling SIGTERM exits at once, with its own code', async () => {
    await start('term', 'TERM');
    const { log, seconds, state: after } = await timedStop(name('term'), { timeSeconds: 10 });
    expect(log.success).toBe(true);
    expect(seconds).toBeLessThan(3);
    expect(after).toMatchObject({ Running: false, ExitCode: 0 });
  });

  it('kills a container ignoring the signal once the timeout has passed', async () => {
    await start('deaf');
    const { log, seconds, state: after } = await timedStop(name('deaf'), { timeSeconds: 1 });
    expect(log.stdout).toContain('did not exit within 1s of SIGTERM: killed it (SIGKILL)');
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThan(4);
    expect(after).toMatchObject({ Running: false, ExitCode: 137 });
  });

  it('sends the signal asked for, and unpauses a paused container so it can handle it', async () => {
    await start('usr1', 'USR1');
    await call('PauseContainer', { name: name('usr1') });
    const {
      log,
      seconds,
      state: after,
    } = await timedStop(name('usr1'), {
      signal: 'SIGUSR1',
      timeSeconds: 10,
    });
    expect(log.command).toBe(`docker stop --signal SIGUSR1 --time 10 ${name('usr1')}`);
    expect(log.stdout).toContain(`unpaused ${name('usr1')} so that it can handle SIGUSR1`);
    expect(seconds).toBeLessThan(3);
    expect(after).toMatchObject({ Running: false, ExitCode: 0 });
    const output = await call('GetContainerLog', { name: name('usr1') });
    expect(output.stdout).toBe('ready\ngot-USR1\n');
  });

  it('removes with the signal asked for', async () => {
    await start('rm', 'USR1');
    const began = Date.now();
    const log = await call('RemoveContainer', {
      name: name('rm'),
      signal: 'SIGUSR1',
      timeSeconds: 10,
    });
    expect(log).toMatchObject({
      success: true,
      stdout: expect.stringContaining('exited with code 0'),
    });
    expect(Date.now() - began).toBeLessThan(3000);
  });
});
