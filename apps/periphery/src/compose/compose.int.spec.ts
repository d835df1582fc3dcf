import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBusyboxImage, BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { Log } from '../docker/docker-shapes';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { ComposeService } from '@monitor/contracts';

const SOCKET = '/var/run/docker.sock';

/**
 * A service that exits at once on SIGTERM, so stop/down take no grace period. `$$` reaches the
 * container's shell as `$`; a single `${...}` is compose's interpolation (from the env file).
 */
const service = (extra = '') => `
    image: ${BUSYBOX_TEST_IMAGE}
    network_mode: none
    command: ["sh", "-c", "trap 'exit 0' TERM; echo started $$GREETING; while :; do sleep 0.2; done"]
${extra}`;

const TWO_SERVICES = `services:
  web:${service('    environment:\n      GREETING: ${GREETING}\n')}
  worker:${service()}
`;

describe('compose requests (real docker-compose)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const projects: { stack: string; project: string; files: string[] }[] = [];
  let agent: TestAgent;

  const target = (what: string, files = ['compose.yaml']) => {
    const t = { stack: `stack-${what}-${run}`, project: `monitor-test-${what}-${run}`, files };
    projects.push(t);
    return t;
  };
  const call = async <T = Log>(type: string, params: object) => {
    const answer = await agent.call<T>(type, params);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startTestAgent({ docker_socket: SOCKET });
  }, 30_000);

  afterAll(async () => {
    for (const t of projects) await agent.call('ComposeDown', t).catch(() => undefined);
    for (const t of projects) {
      const left = await docker.listContainers({
        all: true,
        filters: { label: [`com.docker.compose.project=${t.project}`] },
      });
      for (const c of left) await docker.getContainer(c.Id).remove({ force: true });
    }
    await agent?.close();
  }, 60_000);

  it('writes a two-service stack, brings it up, lists, restarts, stops and takes it down', async () => {
    const t = target('two');
    const written = await call('WriteComposeFiles', {
      stack: t.stack,
      files: [{ path: 'compose.yaml', contents: TWO_SERVICES }],
      env: { path: '.env', contents: 'GREETING=hello\n' },
    });
    expect(written).toMatchObject({ success: true });
    const directory = join(agent.config.root_directory, 'stacks', t.stack);
    expect(readFileSync(join(directory, 'compose.yaml'), 'utf8')).toBe(TWO_SERVICES);

    const up = await call<{ logs: Log[]; success: boolean }>('ComposeUp', {
      ...t,
      env_file: '.env',
    });
    expect(up.logs.map((l) => l.stage)).toEqual(['compose config', 'compose up']);
    expect(up.success).toBe(true);
    expect(up.logs[1].command).toContain(`-p ${t.project}`);

    const ps = await call<ComposeService[]>('ComposePs', t);
    expect(ps.map((s) => [s.service, s.state, s.image])).toEqual([
      ['web', 'running', BUSYBOX_TEST_IMAGE],
      ['worker', 'running', BUSYBOX_TEST_IMAGE],
    ]);

    const log = await call('GetComposeLog', { project: t.project, services: ['web'], tail: 10 });
    expect(log.stdout).toMatch(/web.*\| started hello/);
    expect(log.stdout).not.toContain('worker');

    const before = (await docker.getContainer(ps[0].container_id).inspect()).State.StartedAt;
    expect(await call('ComposeRestart', { ...t, services: ['web'] })).toMatchObject({
      success: true,
    });
    expect((await docker.getContainer(ps[0].container_id).inspect()).State.StartedAt).not.toBe(
      before,
    );

    expect(await call('ComposeStop', t)).toMatchObject({ stage: 'compose stop', success: true });
    const stopped = await call<ComposeService[]>('ComposePs', t);
    expect(stopped.map((s) => s.state)).toEqual(['exited', 'exited']);

    expect(await call('ComposeDown', t)).toMatchObject({ success: true });
    expect(await call<ComposeService[]>('ComposePs', t)).toEqual([]);
  }, 60_000);

  it("fails invalid compose text at the config stage with compose's own error", async () => {
    const t = target('bad');
    await call('WriteComposeFiles', {
      stack: t.stack,
      files: [{ path: 'compose.yaml', contents: 'services:\n  web:\n    image: [unclosed\n' }],
    });
    const up = await call<{ logs: Log[]; success: boolean }>('ComposeUp', t);
    expect(up.success).toBe(false);
    expect(up.logs).toHaveLength(1);
    expect(up.logs[0]).toMatchObject({ stage: 'compose config', success: false });
    expect(up.logs[0].stderr).toMatch(/yaml|while parsing|expected/i);
  });

  it('merges two compose files, the second overriding an env value', async () => {
    const t = target('merge', ['base.yml', 'override/prod.yml']);
    await call('WriteComposeFiles', {
      stack: t.stack,
      files: [
        {
          path: 'base.yml',
          contents: `services:\n  app:${service('    environment:\n      GREETING: base\n')}`,
        },
        {
          path: 'override/prod.yml',
          contents: 'services:\n  app:\n    environment:\n      GREETING: prod\n',
        },
      ],
    });
    expect(await call<{ success: boolean }>('ComposeUp', t)).toMatchObject({ success: true });
    const [app] = await call<ComposeService[]>('ComposePs', t);
    const env = (await docker.getContainer(app.container_id).inspect()).Config.Env;
    expect(env).toContain('GREETING=prod');
  }, 30_000);

  it('merges additional env files after the env file, a later value winning', async () => {
    const t = target('envs');
    await call('WriteComposeFiles', {
      stack: t.stack,
      files: [
        {
          path: 'compose.yaml',
          contents: `services:\n  app:${service('    environment:\n      GREETING: ${GREETING}\n      KEPT: ${KEPT}\n')}`,
        },
        { path: 'env/extra.env', contents: 'GREETING=from-extra' },
      ],
      env: { path: '.env', contents: 'GREETING=from-env\nKEPT=from-env\n' },
    });
    const withEnvs = { ...t, env_file: '.env', env_files: ['env/extra.env'] };
    expect(await call<{ success: boolean }>('ComposeUp', withEnvs)).toMatchObject({
      success: true,
    });
    const [app] = await call<ComposeService[]>('ComposePs', t);
    const env = (await docker.getContainer(app.container_id).inspect()).Config.Env;
    expect(env).toEqual(expect.arrayContaining(['GREETING=from-extra', 'KEPT=from-env']));

    const missing = await call<{ success: boolean; logs: Log[] }>('ComposeUp', {
      ...withEnvs,
      env_files: ['env/extra.env', 'env/absent.env'],
    });
    expect(missing.success).toBe(false);
    expect(missing.logs.at(-1)?.stderr).toBe(
      "env file 'env/absent.env' not found in the run directory",
    );
  }, 60_000);

  it('wraps the subcommands asked for in compose_cmd_wrapper, and no others', async () => {
    const t = target('wrapped');
    await call('WriteComposeFiles', {
      stack: t.stack,
      files: [{ path: 'compose.yaml', contents: `services:\n  app:${service()}` }],
      env: { path: 'app env.txt', contents: 'GREETING="quoted $value"\n' },
    });
    const wrapped = {
      ...t,
      env_file: 'app env.txt',
      wrapper: "echo wrapper-ran >&2 && sh -c '[[COMPOSE_COMMAND]]'",
    };
    const up = await call<{ logs: Log[]; success: boolean }>('ComposeUp', wrapped);
    expect(up.success).toBe(true);
    const [config, upLog] = up.logs;
    expect(config.stderr).not.toContain('wrapper-ran');
    expect(upLog.command).toMatch(/^sh -c /);
    expect(upLog.command).toMatch(/--env-file "[^"]*\/app env\.txt"/);
    expect(upLog.stderr).toContain('wrapper-ran');
    expect((await call<ComposeService[]>('ComposePs', t)).map((s) => s.state)).toEqual(['running']);

    const pulled = await call('ComposePull', { ...wrapped, wrap: ['pull'] });
    expect(pulled.stderr).toContain('wrapper-ran');
    const refused = await agent.call<{ error: string }>('ComposeUp', {
      ...t,
      wrapper: 'op run --',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('[[COMPOSE_COMMAND]]');
  }, 60_000);

  it('runs compose in the run directory, reads the files back, and runs the stack commands there', async () => {
    const t = { ...target('rundir', ['compose.yml', 'missing.yml']), run_directory: 'deploy/app' };
    const compose = `services:\n  app:${service()}`;
    await call('WriteComposeFiles', {
      stack: t.stack,
      files: [{ path: 'deploy/app/compose.yml', contents: compose }],
    });
    expect(await call('ReadComposeFiles', t)).toEqual({
      contents: [{ path: 'compose.yml', contents: compose }],
      missing: ['missing.yml'],
    });
    const pre = await call('RunStackCommand', {
      stack: t.stack,
      path: 'deploy/app',
      command: 'echo prepared > marker.txt\ncat marker.txt',
      stage: 'pre deploy',
    });
    expect(pre).toMatchObject({ stage: 'pre deploy', stdout: 'prepared\n', success: true });
    const failing = await call('RunStackCommand', {
      stack: t.stack,
      command: 'false\necho not reached',
      stage: 'post deploy',
    });
    expect(failing).toMatchObject({ success: false, stdout: '' });
    const up = await call<{ success: boolean; logs: Log[] }>('ComposeUp', {
      ...t,
      files: ['compose.yml'],
    });
    expect(up.success).toBe(true);
    const [app] = await call<ComposeService[]>('ComposePs', t);
    const labels = (await docker.getContainer(app.container_id).inspect()).Config.Labels;
    expect(labels['com.docker.compose.project.working_dir']).toBe(
      join(agent.config.root_directory, 'stacks', t.stack, 'deploy/app'),
    );
    const escape = await agent.call<{ error: string }>('ReadComposeFiles', {
      ...t,
      run_directory: '../other',
    });
    expect(escape.status).toBe(400);
    expect(escape.body.error).toContain('run_directory');
  }, 30_000);

  it('writes the files, which hold interpolated secrets, for the agent alone (0600, folders 0700)', async () => {
    const { stack } = target('modes');
    await call('WriteComposeFiles', {
      stack,
      files: [{ path: 'deploy/compose.yaml', contents: 'services: {}\n# token: s3cret\n' }],
      env: { path: '.env', contents: 'TOKEN=s3cret\n' },
    });
    const dir = join(agent.config.root_directory, 'stacks', stack);
    const mode = (path: string) => statSync(join(dir, path)).mode & 0o777;
    expect(mode('deploy/compose.yaml')).toBe(0o600);
    expect(mode('.env')).toBe(0o600);
    expect(mode('deploy')).toBe(0o700);
    expect(mode('.')).toBe(0o700);
  });

  it('says the folder is missing when a stack command names one that is not there', async () => {
    const { stack } = target('nofolder');
    await call('WriteComposeFiles', { stack, files: [{ path: 'compose.yaml', contents: '' }] });
    const log = await call('RunStackCommand', {
      stack,
      path: 'not/there',
      command: 'echo hi',
      stage: 'pre deploy',
    });
    expect(log).toMatchObject({ success: false, stdout: '' });
    expect(log.stderr).toMatch(/^the folder .*\/not\/there does not exist on this agent/);
    expect(log.stderr).not.toContain('ENOENT');
  });

  it('refuses paths outside the stack directory and malformed params (400 naming the field)', async () => {
    const stack = `stack-paths-${run}`;
    for (const path of ['../x.yml', '/etc/x.yml', 'a/../../x.yml']) {
      const answer = await agent.call<{ error: string; code: string }>('WriteComposeFiles', {
        stack,
        files: [{ path, contents: 'x' }],
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain('files.0.path');
    }
    const up = await agent.call<{ error: string }>('ComposeUp', {
      stack,
      project: 'p',
      files: ['/etc/passwd'],
    });
    expect(up.status).toBe(400);
    expect(up.body.error).toContain('files');
    const badStack = await agent.call<{ error: string }>('ComposePs', {
      stack: '..',
      project: 'p',
      files: ['a.yml'],
    });
    expect(badStack.status).toBe(400);
    expect(badStack.body.error).toContain('stack');
    expect(existsSync(join(agent.config.root_directory, 'x.yml'))).toBe(false);
  });

  it('refuses a path through a symlink that leads out of the stack (as a cloned repo may hold)', async () => {
    const stack = `stack-link-${run}`;
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    try {
      const directory = join(agent.config.root_directory, 'stacks', stack);
      mkdirSync(directory, { recursive: true });
      symlinkSync(outside, join(directory, 'link'));
      const answer = await agent.call<{ error: string }>('WriteComposeFiles', {
        stack,
        files: [{ path: 'link/x.yml', contents: 'x' }],
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain('leads outside');
      expect(existsSync(join(outside, 'x.yml'))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
