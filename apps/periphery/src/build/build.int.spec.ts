import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionLog as Log } from '@monitor/domain';
import {
  pushBusyboxImage,
  removeImageTags,
  startTestRegistry,
  type TestRegistry,
} from '@monitor/testing';
import { callAgentStreaming, type AgentOutputFrame } from '@monitor/agent-client';
import { startTestAgent, TEST_PASSKEY, type TestAgent } from '../testing/test-agent';

const SOCKET = '/var/run/docker.sock';
const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'].find((path) => existsSync(path))!;

/** FROM scratch with the static busybox: nothing is pulled from anywhere. */
const dockerfile = (...steps: string[]) =>
  ['FROM scratch', 'COPY busybox /bin/busybox', ...steps, ''].join('\n');
const sh = (script: string) => `RUN ["/bin/busybox", "sh", "-c", ${JSON.stringify(script)}]`;

describe('Build: the agent builds with BuildKit and pushes to a private registry', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const token = `registry-token-${randomBytes(8).toString('hex')}`;
  const tags: string[] = [];
  let registry: TestRegistry;
  let agent: TestAgent;

  const account = (secret = token) => ({
    domain: registry.address,
    username: 'builder',
    token: secret,
  });
  /** A checkout in the agent's repos folder holding the busybox binary. */
  const checkout = (name: string, files: Record<string, string> = {}) => {
    const folder = join(agent.config.root_directory, 'repos', name);
    mkdirSync(folder, { recursive: true });
    copyFileSync(BUSYBOX, join(folder, 'busybox'));
    for (const [path, contents] of Object.entries(files)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), contents);
    }
    return name;
  };
  const build = (params: Record<string, unknown>) =>
    agent.call<Log[] & { error?: string }>('Build', params);
  const registryTags = async (name: string): Promise<string[]> => {
    const auth = `Basic ${Buffer.from(`builder:${token}`).toString('base64')}`;
    const answer = await fetch(`http://${registry.address}/v2/${name}/tags/list`, {
      headers: { authorization: auth },
    });
    if (answer.status === 404) return [];
    return (((await answer.json()) as { tags?: string[] }).tags ?? []).sort();
  };
  const catalog = async (): Promise<string[]> => {
    const auth = `Basic ${Buffer.from(`builder:${token}`).toString('base64')}`;
    const answer = await fetch(`http://${registry.address}/v2/_catalog`, {
      headers: { authorization: auth },
    });
    return ((await answer.json()) as { repositories: string[] }).repositories;
  };

  beforeAll(async () => {
    [registry, agent] = await Promise.all([
      startTestRegistry({ auth: { username: 'builder', password: token } }),
      startTestAgent({ docker_socket: SOCKET }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await removeImageTags(docker, tags);
    await Promise.all([agent?.close(), registry?.stop()]);
  });

  it('builds a Dockerfile written as contents, tags it, and pushes every registry tag', async () => {
    const image = `${registry.address}/team/app-${run}`;
    const local = `app-${run}:local`;
    tags.push(`${image}:0.0.1`, `${image}:latest`, local);
    const answer = await build({
      directory: checkout(`app-${run}`),
      dockerfile: dockerfile(
        'ARG VERSION',
        'ARG TEAM',
        sh('echo building $VERSION for $TEAM'),
        'LABEL stage=test',
      ),
      build_args: { VERSION: '0.0.1', TEAM: 'web' },
      labels: { 'org.example.team': 'web' },
      extra_args: ['--no-cache'],
      tags: [`${image}:0.0.1`, `${image}:latest`, local],
      registries: [account()],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([
      ['Write Dockerfile', true],
      ['Docker Build', true],
      ['Docker Push', true],
    ]);
    const [, built, pushed] = answer.body;
    expect(built.stdout).toContain('building 0.0.1 for web');
    expect(built.command).toContain('--build-arg VERSION=0.0.1');
    expect(pushed.stdout).toContain(`pushing ${image}:0.0.1 as builder`);
    expect(await registryTags(`team/app-${run}`)).toEqual(['0.0.1', 'latest']);
    const inspected = await docker.getImage(local).inspect();
    expect(inspected.Config.Labels).toMatchObject({ 'org.example.team': 'web', stage: 'test' });
  }, 120_000);

  it('sends the context without what .dockerignore leaves out, as the docker CLI does', async () => {
    const answer = await build({
      directory: checkout(`ignore-${run}`, {
        '.dockerignore': '.env\nsecrets/\n!secrets/public.txt\n',
        '.env': 'TOKEN=x',
        'secrets/private.txt': 'x',
        'secrets/public.txt': 'x',
        'app/main.txt': 'x',
        Dockerfile: dockerfile('COPY . /ctx', sh('cd /ctx && find . -type f | sort')),
      }),
      extra_args: ['--no-cache'],
      tags: [],
    });
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([['Docker Build', true]]);
    const listed = answer.body[0].stdout
      .split('\n')
      .filter((line) => / \.\//.test(line))
      .map((line) => line.replace(/^#\d+ /, ''));
    expect(listed).toEqual([
      './.dockerignore',
      './Dockerfile',
      './app/main.txt',
      './busybox',
      './secrets/public.txt',
    ]);
  }, 120_000);

  it("pulls a private FROM image with the build's account, and not without it", async () => {
    const base = await pushBusyboxImage(docker, registry.address, `base-${run}`, '1', {
      username: 'builder',
      password: token,
    });
    tags.push(base);
    await removeImageTags(docker, [base]);
    const params = (registries: unknown[]) => ({
      directory: checkout(`from-${run}`, {
        Dockerfile: `FROM ${base}\nRUN ["/bin/busybox", "echo", "on the private base"]\n`,
      }),
      extra_args: ['--no-cache'],
      tags: [],
      registries,
    });
    const denied = await build(params([]));
    expect(denied.body.map((l) => [l.stage, l.success])).toEqual([['Docker Build', false]]);
    expect(denied.body[0].stderr).toMatch(/401|unauthorized|authentication required/i);
    const pulled = await build(params([account()]));
    expect(pulled.body.map((l) => [l.stage, l.success])).toEqual([['Docker Build', true]]);
    expect(pulled.body[0].stdout).toContain('on the private base');
    expect(JSON.stringify([denied.body, pulled.body])).not.toContain(token);
  }, 120_000);

  it("fails the build stage with Docker's message on a failing RUN, and pushes nothing", async () => {
    const image = `${registry.address}/broken-${run}`;
    const answer = await build({
      directory: checkout(`broken-${run}`, {
        'docker/Dockerfile': dockerfile(sh('echo about to fail; exit 3')),
      }),
      dockerfile_path: 'docker/Dockerfile',
      tags: [`${image}:0.0.1`],
      registries: [account()],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([['Docker Build', false]]);
    expect(answer.body[0].stdout).toContain('about to fail');
    expect(answer.body[0].stderr).toMatch(/exit code: 3/);
    expect(await catalog()).not.toContain(`broken-${run}`);
  }, 120_000);

  it('lets a RUN step read a secret arg, which no log, layer nor history keeps', async () => {
    const secret = `s3cret-${randomBytes(8).toString('hex')}`;
    const local = `secret-${run}:1`;
    tags.push(local);
    const answer = await build({
      directory: checkout(`secret-${run}`, {
        Dockerfile: [
          ...dockerfile().trim().split('\n'),
          // Printed to show it is masked; compared by its masked echo, so the Dockerfile never holds it.
          'RUN --mount=type=secret,id=npm_token ["/bin/busybox", "sh", "-c", "echo token is $(cat /run/secrets/npm_token)"]',
          '',
        ].join('\n'),
      }),
      secret_args: [{ id: 'npm_token', value: secret }],
      // BuildKit's cache does not know the secret: a cached step would not read it.
      extra_args: ['--no-cache'],
      tags: [local],
    });
    const text = JSON.stringify(answer.body);
    expect(answer.status).toBe(200);
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([['Docker Build', true]]);
    expect(answer.body[0].stdout).toContain('token is ***');
    expect(answer.body[0].command).toContain('--secret id=npm_token');
    expect(text).not.toContain(secret);
    const history = await docker.getImage(local).history();
    expect(JSON.stringify(history)).not.toContain(secret);
    expect(JSON.stringify(await docker.getImage(local).inspect())).not.toContain(secret);
    expect(agent.logger.lines.join('\n')).not.toContain(secret);
  }, 120_000);

  it('fails the push stage with a wrong registry token, which no log shows', async () => {
    const wrong = `wrong-token-${randomBytes(8).toString('hex')}`;
    const image = `${registry.address}/denied-${run}:0.0.1`;
    tags.push(image);
    const answer = await build({
      directory: checkout(`denied-${run}`, { Dockerfile: dockerfile() }),
      tags: [image],
      registries: [account(wrong)],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([
      ['Docker Build', true],
      ['Docker Push', false],
    ]);
    expect(answer.body[1].stderr).toMatch(/refused the account 'builder'.*401 Unauthorized/);
    expect(JSON.stringify(answer.body)).not.toContain(wrong);
    expect(await catalog()).not.toContain(`denied-${run}`);
  }, 120_000);

  it('streams the build output line by line to a caller that asked, as BuildKit reports it', async () => {
    const frames: (AgentOutputFrame & { at: number })[] = [];
    const answer = await callAgentStreaming<Log[]>(
      { address: agent.url, passkey: TEST_PASSKEY, insecureTls: false },
      'Build',
      {
        directory: checkout(`live-${run}`),
        dockerfile: dockerfile(sh('echo first line; sleep 2; echo second line')),
        extra_args: ['--no-cache'],
        tags: [],
      },
      60_000,
      (frame) => frames.push({ ...frame, at: Date.now() }),
    );
    const when = (line: string) => frames.find((f) => f.text.endsWith(` ${line}\n`))?.at ?? NaN;
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([
      ['Write Dockerfile', true],
      ['Docker Build', true],
    ]);
    expect(frames.every((f) => f.stage === 'Docker Build' && f.stream === 'stdout')).toBe(true);
    expect(when('second line') - when('first line')).toBeGreaterThan(1_500);
    expect(answer.body[1].stdout).toContain(
      frames
        .map((f) => f.text)
        .join('')
        .trim(),
    );
  }, 120_000);

  it('cancels a running build: the step stops, the stage fails saying so, nothing is pushed', async () => {
    const id = `cancel-${run}`;
    const image = `${registry.address}/cancelled-${run}:0.0.1`;
    const started = Date.now();
    const building = build({
      id,
      directory: checkout(`cancelled-${run}`),
      dockerfile: dockerfile(sh(`echo ${run}; sleep 30`)),
      tags: [image],
      registries: [account()],
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const again = await build({ id, directory: `cancelled-${run}`, tags: [] });
    const cancel = await agent.call('CancelBuild', { id });
    const answer = await building;
    expect(again.status).toBe(409);
    expect(cancel).toEqual({ status: 200, body: {} });
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([
      ['Write Dockerfile', true],
      ['Docker Build', false],
    ]);
    expect(answer.body[1].stderr).toBe('the build was cancelled');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await catalog()).not.toContain(`cancelled-${run}`);
    expect((await agent.call('CancelBuild', { id })).status).toBe(404);
  }, 60_000);

  it('refuses paths out of the checkout and flags that would reach the host, building nothing', async () => {
    const directory = checkout(`paths-${run}`, { Dockerfile: dockerfile() });
    const refusals = await Promise.all([
      build({ directory: '../etc', tags: [] }),
      build({ directory, build_path: '../..', tags: [] }),
      build({ directory, dockerfile_path: '/etc/passwd', tags: [] }),
      build({ directory, extra_args: ['--output type=local,dest=/tmp/x'], tags: [] }),
      build({ directory, secret_args: [{ id: '../x', value: 'v' }], tags: [] }),
      // Contents written into .git/config would be run by the next git pull (core.fsmonitor).
      build({ directory, dockerfile_path: '.git/config', dockerfile: '[core]', tags: [] }),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(refusals.map((r) => r.body.error)).toEqual([
      expect.stringMatching(/directory/),
      expect.stringMatching(/build_path/),
      expect.stringMatching(/dockerfile_path/),
      expect.stringMatching(/'--output' is not a build flag/),
      expect.stringMatching(/secret_args\.0\.id/),
      expect.stringMatching(/dockerfile_path .*\.git/),
    ]);
  });
  it('runs a pre-build in the build path before Docker builds, its line streamed as it prints', async () => {
    const image = `pre-build-${run}:0.0.1`;
    tags.push(image);
    const frames: AgentOutputFrame[] = [];
    const answer = await callAgentStreaming<Log[]>(
      { address: agent.url, passkey: TEST_PASSKEY, insecureTls: false },
      'Build',
      {
        directory: checkout(`pre-build-${run}`),
        build_path: 'app',
        dockerfile: 'FROM scratch\nCOPY made.txt /made.txt\n',
        pre_build: { path: '', command: `echo pre-${run}; echo made > made.txt` },
        tags: [image],
      },
      60_000,
      (frame) => frames.push(frame),
    );
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([
      ['Write Dockerfile', true],
      ['Pre Build', true],
      ['Docker Build', true],
    ]);
    expect(answer.body[1].stdout).toBe(`pre-${run}\n`);
    expect(frames.some((f) => f.stage === 'Pre Build' && f.text === `pre-${run}\n`)).toBe(true);
    expect((await docker.getImage(image).inspect()).Id).toMatch(/^sha256:/);
  }, 60_000);

  it('cancels a running pre-build: the command is killed and nothing is built', async () => {
    const id = `cancel-pre-${run}`;
    const started = Date.now();
    const building = build({
      id,
      directory: checkout(id),
      dockerfile: 'FROM scratch\nLABEL monitor-test=1\n',
      pre_build: { command: 'echo started; sleep 30; echo never' },
      tags: [`${id}:0.0.1`],
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await agent.call('CancelBuild', { id })).toEqual({ status: 200, body: {} });
    const answer = await building;
    expect(answer.body.map((l) => [l.stage, l.success])).toEqual([
      ['Write Dockerfile', true],
      ['Pre Build', false],
    ]);
    expect(answer.body[1].stdout).not.toContain('never');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('refuses a pre-build path out of the build path, running nothing', async () => {
    const directory = checkout(`pre-paths-${run}`);
    const refusals = await Promise.all([
      build({ directory, pre_build: { path: '../..', command: 'true' }, tags: [] }),
      build({ directory, pre_build: { path: '/etc', command: 'true' }, tags: [] }),
      build({ directory, pre_build: { command: '' }, tags: [] }),
    ]);
    expect(refusals.map((r) => [r.status, r.body.error])).toEqual([
      [400, expect.stringMatching(/pre_build\.path/)],
      [400, expect.stringMatching(/pre_build\.path/)],
      [400, expect.stringMatching(/pre_build\.command/)],
    ]);
  });
});
