import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@monitor/testing';
import { callAgent } from './testing/call-agent';
import { eventually } from './testing/eventually';

const ROOT = join(__dirname, '../../..');
const PASSKEY = 'loads-passkey';
/** What dockerode brings, for transports the agent never uses (SSH, BuildKit's gRPC). */
const DOCKERODE = /\/node_modules\/(dockerode|docker-modem|ssh2|cpu-features|@grpc|protobufjs)\//;

/** Answers the parent's 'modules' with every module the process has loaded. */
const PRELOAD = `process.on('message', (m) => {
  if (m === 'modules') process.send(Object.keys(require.cache));
});`;

/**
 * The agent as a host runs it (main.js, compiled as `npm run build` compiles it, in a process of
 * its own) answers its Docker requests without loading dockerode: its own client on node:http
 * talks to the engine.
 */
describe('the agent loads no dockerode', () => {
  const work = mkdtempSync(join(tmpdir(), 'agent-docker-loads-'));
  const run = randomBytes(4).toString('hex');
  let child: ChildProcess;
  let url: string;
  let stderr = '';

  const call = (type: string, params: object = {}) =>
    callAgent(url, type, params, { passkey: PASSKEY });
  const loaded = async () => {
    const answer = once(child, 'message') as Promise<[string[]]>;
    child.send('modules');
    return (await answer)[0];
  };
  /** The packages of dockerode's that are loaded, each named once. */
  const dockerodePackages = (modules: string[]) => [
    ...new Set(modules.map((path) => DOCKERODE.exec(path)?.[1]).filter(Boolean)),
  ];

  beforeAll(async () => {
    const out = join(work, 'dist');
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps/periphery/src', 'libs', '--out-dir', out, '--ignore', '**/*.spec.ts', '--quiet'],
      { cwd: ROOT },
    );
    writeFileSync(join(work, 'preload.js'), PRELOAD);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(
      process.execPath,
      ['-r', join(work, 'preload.js'), join(out, 'apps/periphery/src/main.js')],
      {
        env: {
          ...process.env,
          NODE_PATH: join(ROOT, 'node_modules'),
          PERIPHERY_PORT: String(port),
          PERIPHERY_BIND_IP: '127.0.0.1',
          PERIPHERY_PASSKEYS: PASSKEY,
          PERIPHERY_ROOT_DIRECTORY: join(work, 'root'),
          PERIPHERY_DOCKER_SOCKET: '/var/run/docker.sock',
        },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`the agent exited: ${stderr}`);
      return call('GetVersion').then(
        (answer) => (answer.status === 200 ? true : undefined),
        () => undefined,
      );
    }, 'the agent to answer');
  }, 60_000);

  afterAll(async () => {
    if (child?.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('neither at start nor once it has answered Docker requests', async () => {
    expect(dockerodePackages(await loaded())).toEqual([]);

    expect((await call('ListDockerContainers')).status).toBe(200);
    expect((await call('ListDockerImages')).status).toBe(200);
    expect((await call('ListDockerNetworks')).status).toBe(200);
    expect((await call('ListDockerVolumes')).status).toBe(200);
    expect((await call('InspectContainer', { name: `absent-${run}` })).status).toBe(404);
    // Refused at once: a `localhost/` reference is pulled from 127.0.0.1, where nothing serves.
    const pull = await call('PullImage', { image: `localhost/monitor-test/absent-${run}:x` });
    expect(pull).toMatchObject({ status: 200, body: { success: false } });

    const modules = await loaded();
    expect(dockerodePackages(modules)).toEqual([]);
    expect(modules).toContainEqual(
      expect.stringMatching(/apps\/periphery\/src\/docker\/engine\/docker-client\.js$/),
    );
  });
});
