import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { TIMESTAMP_PREFIX } from '@monitor/domain';
import { ensureBusyboxImage, BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { Log } from '../docker/docker-shapes';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { ComposeService } from '@monitor/contracts';

const SOCKET = '/var/run/docker.sock';

/**
 * A service that ignores SIGTERM (a shell as PID 1 has no default handler) and asks for a 60 s
 * grace period: stopping it takes 60 s unless the caller's `--timeout` is honoured.
 */
const stubborn = `
    image: ${BUSYBOX_TEST_IMAGE}
    network_mode: none
    stop_grace_period: 60s
    command: ["sh", "-c", "echo started; while :; do sleep 0.2; done"]
`;
const ONE = `services:\n  web:${stubborn}`;
const TWO = `services:\n  web:${stubborn}  worker:${stubborn}`;
const THREE = `${TWO}  extra:${stubborn}`;

/** Well under the 60 s grace period: only the timeout we gave can make it this quick. */
const QUICK_MS = 15_000;

describe("compose's --timeout, --remove-orphans, services on down, log timestamps (real docker-compose)", () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const projects: { stack: string; project: string; files: string[] }[] = [];
  let agent: TestAgent;

  const target = (what: string) => {
    const t = {
      stack: `stack-${what}-${run}`,
      project: `monitor-opt-${what}-${run}`,
      files: ['compose.yaml'],
    };
    projects.push(t);
    return t;
  };
  const call = async <T = Log>(type: string, params: object) => {
    const answer = await agent.call<T>(type, params);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const write = (t: { stack: string }, contents: string) =>
    call('WriteComposeFiles', { stack: t.stack, files: [{ path: 'compose.yaml', contents }] });
  const up = async (t: object, extra: object = {}) => {
    const answer = await call<{ logs: Log[]; success: boolean }>('ComposeUp', { ...t, ...extra });
    expect(answer.success).toBe(true);
    return answer.logs[answer.logs.length - 1];
  };
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const start = Date.now();
    const result = await work();
    return [result, Date.now() - start];
  };
  const states = async (t: object) =>
    (await call<ComposeService[]>('ComposePs', t)).map((s) => [s.service, s.state]);

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startTestAgent({ docker_socket: SOCKET });
  }, 30_000);

  afterAll(async () => {
    for (const t of projects) {
      const left = await docker.listContainers({
        all: true,
        filters: { label: [`com.docker.compose.project=${t.project}`] },
      });
      for (const c of left) await docker.getContainer(c.Id).remove({ force: true });
    }
    await agent?.close();
  }, 60_000);

  it('stops, restarts and recreates within the timeout given, not the grace period', async () => {
    const t = target('timeout');
    await write(t, ONE);
    await up(t);

    const [stop, stopMs] = await timed(() => call('ComposeStop', { ...t, timeout: 1 }));
    expect(stop).toMatchObject({ success: true });
    expect(stop.command).toContain('stop --timeout 1');
    expect(stopMs).toBeLessThan(QUICK_MS);
    expect(await states(t)).toEqual([['web', 'exited']]);

    await up(t);
    const [restart, restartMs] = await timed(() =>
      call('ComposeRestart', { ...t, timeout: 1, services: ['web'] }),
    );
    expect(restart).toMatchObject({ success: true });
    expect(restart.command).toContain('restart --timeout 1 web');
    expect(restartMs).toBeLessThan(QUICK_MS);

    const [recreated, upMs] = await timed(() =>
      up(t, { timeout: 1, extra_args: ['--force-recreate'] }),
    );
    expect(recreated.command).toContain('up -d --timeout 1 --force-recreate');
    expect(upMs).toBeLessThan(QUICK_MS);
    expect(await states(t)).toEqual([['web', 'running']]);

    const [down, downMs] = await timed(() => call('ComposeDown', { ...t, timeout: 1 }));
    expect(down).toMatchObject({ stage: 'compose down', success: true });
    expect(down.command).toContain('down --timeout 1');
    expect(downMs).toBeLessThan(QUICK_MS);
    expect(await states(t)).toEqual([]);
  }, 90_000);

  it('removes orphans (a service gone from the files) only when asked', async () => {
    const t = target('orphans');
    await write(t, TWO);
    await up(t);
    await write(t, ONE);

    expect(await call('ComposeDown', { ...t, timeout: 0 })).toMatchObject({ success: true });
    expect(await states(t)).toEqual([['worker', 'running']]);

    const down = await call('ComposeDown', { ...t, timeout: 0, remove_orphans: true });
    expect(down).toMatchObject({ success: true });
    expect(down.command).toContain('down --timeout 0 --remove-orphans');
    expect(await states(t)).toEqual([]);
  }, 90_000);

  it('takes down the services named and, when asked, the orphans, leaving the others', async () => {
    const t = target('some-orphans');
    await write(t, THREE);
    await up(t);
    await write(t, TWO);

    const [down, ms] = await timed(() =>
      call('ComposeDown', { ...t, timeout: 0, services: ['worker'], remove_orphans: true }),
    );
    expect(down).toMatchObject({ stage: 'compose down', success: true });
    expect(down.command).toContain(`remove orphans of ${t.project}: extra`);
    expect(down.stdout).toMatch(/removed \S+_extra_1\n$/);
    expect(ms).toBeLessThan(QUICK_MS);
    expect(await states(t)).toEqual([['web', 'running']]);
  }, 90_000);

  it('takes down only the services named, leaving the others running', async () => {
    const t = target('services');
    await write(t, TWO);
    await up(t);

    const down = await call('ComposeDown', { ...t, timeout: 0, services: ['worker'] });
    expect(down).toMatchObject({ stage: 'compose down', success: true });
    expect(down.command).toMatch(/stop --timeout 0 worker && .* rm --force worker$/);
    expect(await states(t)).toEqual([['web', 'running']]);
  }, 90_000);

  it('prefixes each log line with its container, then its time when timestamps are asked', async () => {
    const t = target('stamps');
    await write(t, ONE);
    await up(t);
    const container = `${t.project}_web_1`;
    const line = new RegExp(`^${container}  \\| `);

    const plain = await call('GetComposeLog', { project: t.project, tail: 5 });
    expect(plain.stdout).toMatch(new RegExp(`${line.source}started$`, 'm'));

    const stamped = await call('GetComposeLog', { project: t.project, tail: 5, timestamps: true });
    expect(stamped.command).toContain('logs --tail 5 --timestamps');
    const [first] = stamped.stdout.split('\n');
    expect(first).toMatch(line);
    const rest = first.replace(line, '');
    expect(TIMESTAMP_PREFIX.exec(rest)?.[0]).toBeDefined();
    expect(rest.replace(TIMESTAMP_PREFIX, '')).toBe('started');
    await call('ComposeDown', { ...t, timeout: 0 });
  }, 60_000);

  it('refuses a timeout that is not whole seconds between 0 and a day, naming it', async () => {
    const t = target('bad');
    for (const timeout of [-1, 1.5, 86_401, '5']) {
      const answer = await agent.call<{ error: string }>('ComposeStop', { ...t, timeout });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('timeout');
    }
  });
});
