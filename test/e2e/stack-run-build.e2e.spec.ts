import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { WebSocket } from 'ws';
import type { EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { startWithLocalAgent } from '../support/security';
import {
  followUpdate,
  updateFeed,
  type FeedMessage,
  type SeenUpdate,
} from '../support/update-feed';
import { completed, type UpdateView } from '../support/updates';
import { destroyStack, removeComposeProject } from '../support/leftovers';

const SECRET = 'build-secret-4711';
const COMPOSE = `services:
  app:
    build: .
    network_mode: none
    command: ["sh", "-c", "cat /message; while :; do sleep 0.2; done"]
`;
/** Prints a line while it builds, then waits, so the stage is seen running before it ends. */
const dockerfile = (tag: string) => `FROM ${BUSYBOX_TEST_IMAGE}
ARG MESSAGE=none
ARG TOKEN=none
RUN echo "build-line-${tag}" && sleep 3 && echo "$MESSAGE" > /message
`;

/**
 * Komodo's `run_build`: DeployStack runs `compose build` (stage 'Compose Build', with
 * `build_extra_args`) before `up`, streamed as it runs; without it nothing is built.
 */
describe('a Stack with run_build builds its services first', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-run-build-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let folder: string;
  let socket: WebSocket;
  const messages: FeedMessage[] = [];

  const deploy = async (request = 'DeployStack') =>
    completed(
      monitor.admin,
      await monitor.admin.execute<UpdateView>(request, { stack: 'built' }),
      120_000,
    );
  const builtImage = () => docker.getImage(`${project}_app`).inspect();
  const appLog = () =>
    monitor.admin.read<{ stdout: string }>('GetStackLog', { stack: 'built', services: ['app'] });

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    await monitor.admin.write('CreateVariable', {
      name: 'BUILD_TOKEN',
      value: SECRET,
      is_secret: true,
    });
    const stack = await monitor.admin.write<{ _id: { $oid: string } }>('CreateStack', {
      name: 'built',
      config: {
        server_id: 'local',
        project_name: project,
        auto_pull: false,
        files_on_host: true,
        run_build: true,
        build_extra_args: ['--build-arg MESSAGE=built-one', '--build-arg TOKEN=[[BUILD_TOKEN]]'],
      },
    });
    folder = join(monitor.dataDir, 'periphery', 'stacks', stack._id.$oid);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'compose.yaml'), COMPOSE);
    writeFileSync(join(folder, 'Dockerfile'), dockerfile('one'));
    socket = await updateFeed(monitor.url, monitor.adminAuth.jwt, messages);
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await destroyStack(monitor?.admin, 'built');
    await monitor?.destroy();
    await removeComposeProject(docker, project);
    await docker
      .getImage(`${project}_app`)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('builds with build_extra_args before up, live, and runs the built image', async () => {
    const started = await monitor.admin.execute<UpdateView>('DeployStack', { stack: 'built' });
    // Read the Update after each feed message about it, as the Update page does.
    const seen: SeenUpdate[] = [];
    const update = await followUpdate(monitor.admin, messages, started._id.$oid, seen, 120_000);
    const running = seen
      .flatMap(({ update: u }) => u.logs)
      .find(
        (l) => l.stage === 'Compose Build' && l.end_ts === 0 && l.stdout.includes('build-line'),
      );
    expect(update.success).toBe(true);
    expect(running).toBeDefined();
    const stages = update.logs.map((l) => l.stage);
    expect(stages.indexOf('Compose Build')).toBeGreaterThan(stages.indexOf('compose config'));
    expect(stages.indexOf('Compose Build')).toBeLessThan(stages.indexOf('compose up'));
    const build = update.logs.find((l) => l.stage === 'Compose Build')!;
    expect(build.command).toMatch(/ build --build-arg MESSAGE=built-one --build-arg TOKEN=\*+/);
    expect(JSON.stringify(update)).not.toContain(SECRET);
    await eventually(async () => expect((await appLog()).stdout).toContain('built-one'));
    const container = (
      await docker.listContainers({
        filters: { label: [`com.docker.compose.project=${project}`] },
      })
    )[0];
    expect(container.ImageID).toBe((await builtImage()).Id);
  }, 150_000);

  it('builds nothing with run_build off: the image stays as built', async () => {
    const before = (await builtImage()).Id;
    await monitor.admin.write('UpdateStack', { id: 'built', config: { run_build: false } });
    writeFileSync(join(folder, 'Dockerfile'), dockerfile('two'));
    const update = await deploy();
    expect(update.success).toBe(true);
    expect(update.logs.map((l) => l.stage)).not.toContain('Compose Build');
    expect((await builtImage()).Id).toBe(before);
  }, 150_000);

  it('builds again when DeployStackIfChanged finds the compose file changed', async () => {
    const before = (await builtImage()).Id;
    await monitor.admin.write('UpdateStack', { id: 'built', config: { run_build: true } });
    writeFileSync(join(folder, 'compose.yaml'), `${COMPOSE}    stop_grace_period: 1s\n`);
    const update = await deploy('DeployStackIfChanged');
    expect(update.success).toBe(true);
    expect(update.logs.map((l) => l.stage)).toContain('Compose Build');
    expect((await builtImage()).Id).not.toBe(before);
  }, 150_000);

  it("stops at a failed build with Docker's message: up never runs, the running image stays", async () => {
    const before = (await builtImage()).Id;
    writeFileSync(
      join(folder, 'Dockerfile'),
      `FROM ${BUSYBOX_TEST_IMAGE}\nRUN echo broken-step && exit 3\n`,
    );
    const update = await deploy();
    expect(update.success).toBe(false);
    const build = update.logs.find((l) => l.stage === 'Compose Build')!;
    expect(build.success).toBe(false);
    expect(`${build.stdout}${build.stderr}`).toMatch(
      /broken-step[\s\S]*(returned a non-zero|code: 3)/,
    );
    expect(update.logs.map((l) => l.stage)).not.toContain('compose up');
    expect((await builtImage()).Id).toBe(before);
  }, 150_000);
});
