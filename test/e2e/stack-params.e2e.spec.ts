import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { expectRefused, startWithLocalAgent } from '../support/security';
import { completed, type UpdateView } from '../support/updates';

const MASK = '*****';
/** A secret over two lines, neither of them a secret alone. */
const KEY_LINES = ['stack-key-line-one-4711', 'stack-key-line-two-0815'];

/**
 * Ignores SIGTERM (a shell as PID 1 has no default handler) and asks a 60 s grace period: only
 * a `stop_time` that reaches compose makes stopping it quick.
 */
const service = (print = 'up') => `
    image: ${BUSYBOX_TEST_IMAGE}
    network_mode: none
    stop_grace_period: 60s
    command: ["sh", "-c", "printf '${print}\\n'; while :; do sleep 0.2; done"]
`;
const WEB = `  web:${service(`key:\\n${KEY_LINES.join('\\n')}\\ndone`)}`;
const TWO = `services:\n${WEB}  worker:${service()}`;
const ONE = `services:\n${WEB}`;
const QUICK_MS = 20_000;

describe("Komodo's stack params: stop_time, remove_orphans, services on DestroyStack, timestamps", () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-stack-params-${process.pid}`;
  let monitor: EmbeddedMonitor;

  type Log = { command: string; stdout: string; stderr: string };
  const run = async (request: string, params: object = {}) => {
    const start = Date.now();
    const update = await completed(
      monitor.admin,
      await monitor.admin.execute<UpdateView>(request, { stack: 'params', ...params }),
    );
    expect(update.success).toBe(true);
    return { update, ms: Date.now() - start, commands: update.logs.map((l) => l.command) };
  };
  const services = async () =>
    (
      await monitor.admin.read<{ service: string; state: string }[]>('ListStackServices', {
        stack: 'params',
      })
    )
      .map((s) => `${s.service} ${s.state}`)
      .sort();
  const stackLog = (params: object) =>
    monitor.admin.read<Log>('GetStackLog', { stack: 'params', services: ['web'], ...params });

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    await monitor.admin.write('CreateVariable', {
      name: 'STACK_KEY',
      value: KEY_LINES.join('\n'),
      is_secret: true,
    });
    // No registry is reached: the account is only written to the agent's login file for a pull.
    await monitor.admin.write('CreateImageRegistryAccount', {
      account: { domain: 'registry.example.test', username: 'puller', token: 'pull-token-1' },
    });
    await monitor.admin.write('CreateStack', {
      name: 'params',
      config: { server_id: 'local', project_name: project, auto_pull: false, file_contents: TWO },
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    for (const name of [project, `${project}-host`]) {
      const left = await docker.listContainers({
        all: true,
        filters: { label: [`com.docker.compose.project=${name}`] },
      });
      await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
    }
  }, 60_000);

  it('deploys, stops and restarts within stop_time, not the services’ grace period', async () => {
    const deploy = await run('DeployStack', { stop_time: 1 });
    expect(deploy.commands.some((c) => / up -d --timeout 1( |$)/.test(c))).toBe(true);
    expect(await services()).toEqual(['web Running', 'worker Running']);

    const stop = await run('StopStack', { stop_time: 1 });
    expect(stop.commands.some((c) => / stop --timeout 1$/.test(c))).toBe(true);
    expect(stop.ms).toBeLessThan(QUICK_MS);
    expect(await services()).toEqual(['web Exited', 'worker Exited']);

    await run('StartStack');
    const restart = await run('RestartStack', { stop_time: 1, services: ['worker'] });
    expect(restart.commands.some((c) => / restart --timeout 1 worker$/.test(c))).toBe(true);
    expect(restart.ms).toBeLessThan(QUICK_MS);
  }, 90_000);

  it('reads the log with timestamps, a secret cut into lines by both prefixes still masked', async () => {
    const stamped = await eventually(async () => {
      const log = await stackLog({ tail: 20, timestamps: true });
      expect(log.stdout).toContain('done');
      return log;
    });
    const lines = stamped.stdout.split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^\S+ {2}\| \d{4}-\d{2}-\d{2}T\S+Z /);
    // The container printed it once per start (deployed, started, restarted): the last one.
    expect(lines.slice(-3).map((line) => line.replace(/^.*Z /, ''))).toEqual([
      'key:',
      MASK,
      'done',
    ]);
    expect(stamped.command).toContain('--timestamps');
    const plain = await stackLog({ tail: 20 });
    const plainLines = plain.stdout.split('\n').filter(Boolean);
    expect(plainLines.slice(-3).map((line) => line.replace(/^.*\| /, ''))).toEqual([
      'key:',
      MASK,
      'done',
    ]);
    const found = await monitor.admin.read<Log>('SearchStackLog', {
      stack: 'params',
      terms: ['line-one', 'line-two', 'done'],
      timestamps: true,
    });
    expect(found.stdout).toMatch(/^(\S+ {2}\| \S+Z done\n)+$/);
    expect(JSON.stringify([stamped, plain, found])).not.toMatch(/stack-key-line/);
  }, 60_000);

  it('refuses a stop_time that is not whole seconds up to a day, naming it, stopping nothing', async () => {
    for (const stop_time of [-1, 1.5, 86_401]) {
      await expectRefused(
        monitor.admin,
        'execute',
        'StopStack',
        { stack: 'params', stop_time },
        400,
        /stop_time/,
      );
    }
    expect(await services()).toEqual(['web Running', 'worker Running']);
  });

  it('destroys the services named and no others, within stop_time', async () => {
    const destroy = await run('DestroyStack', { services: ['worker'], stop_time: 0 });
    expect(destroy.commands.join('\n')).toMatch(/stop --timeout 0 worker && .* rm --force worker/);
    expect(destroy.ms).toBeLessThan(QUICK_MS);
    expect(await services()).toEqual(['web Running']);
  }, 60_000);

  it('removes orphans, a service no longer in the compose text, with remove_orphans', async () => {
    await run('DeployStack');
    await monitor.admin.write('UpdateStack', { id: 'params', config: { file_contents: ONE } });
    await run('DeployStack', { stop_time: 0 });
    // compose up leaves the orphan running: it is still the project's.
    expect(await services()).toEqual(['web Running', 'worker Running']);

    const destroy = await run('DestroyStack', { remove_orphans: true, stop_time: 0 });
    expect(destroy.commands.some((c) => / down --timeout 0 --remove-orphans$/.test(c))).toBe(true);
    expect(destroy.ms).toBeLessThan(QUICK_MS);
    const all = await docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`] },
    });
    expect(all).toEqual([]);
  }, 90_000);

  it('takes the stack down before a deploy within stop_time, a registry account set', async () => {
    await monitor.admin.write('UpdateStack', {
      id: 'params',
      config: {
        destroy_before_deploy: true,
        registry_provider: 'registry.example.test',
        registry_account: 'puller',
      },
    });
    const deploy = await run('DeployStack', { stop_time: 0 });
    expect(deploy.commands.some((c) => / down --timeout 0$/.test(c))).toBe(true);
    expect(await services()).toEqual(['web Running']);
  }, 60_000);

  it('restarts within stop_time what a changed config file requires (DeployStackIfChanged)', async () => {
    const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateStack', {
      name: 'params-host',
      config: {
        server_id: 'local',
        project_name: `${project}-host`,
        auto_pull: false,
        files_on_host: true,
        config_files: [{ path: 'web.conf', services: ['web'], requires: 'Restart' }],
        // Used for pulls alone: the restart must not carry it to the agent.
        registry_provider: 'registry.example.test',
        registry_account: 'puller',
      },
    });
    const folder = join(monitor.dataDir, 'periphery', 'stacks', _id.$oid);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'compose.yaml'), ONE);
    writeFileSync(join(folder, 'web.conf'), 'listen 80\n');
    await run('DeployStack', { stack: 'params-host' });

    writeFileSync(join(folder, 'web.conf'), 'listen 8080\n');
    const changed = await run('DeployStackIfChanged', { stack: 'params-host', stop_time: 1 });
    expect(changed.commands.some((c) => / restart --timeout 1 web$/.test(c))).toBe(true);
    expect(changed.ms).toBeLessThan(QUICK_MS);
  }, 60_000);
});
