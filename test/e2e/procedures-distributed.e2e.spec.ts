import Dockerode from 'dockerode';
import type { Types } from 'komodo_client';
import { randomBytes } from 'node:crypto';
import {
  buildVariantImage,
  removeImageTags,
  type GitHttpServer,
  type TestRegistry,
} from '@monitor/testing';
import {
  addSourceAccounts,
  COPY_BUSYBOX,
  scratchDockerfile,
  startBuildSources,
} from '../support/build-sources';
import { createServerBuilder } from '../support/builders';
import {
  startDistributed,
  type DistributedMonitor,
  type Komodo,
} from '../support/distributed-monitor';
import { eventually } from '../support/eventually';
import { gitProvider, gitSource } from '../support/git-accounts';
import { IDLE_COMPOSE } from '../support/idle-stack';
import { removeComposeProject, removeContainers } from '../support/leftovers';

const ACCOUNTS = {
  git: { username: 'procedures-git', token: `git-${randomBytes(6).toString('hex')}` },
  registry: { username: 'procedures', token: `registry-${randomBytes(6).toString('hex')}` },
};

/** A build step that sleeps; the quotes keep its words whole only in what it prints. */
const SLOW_SCRIPT = 'echo sleep""ing; sleep 30; echo wo""ke';

type Execution = Types.Execution;
const stage = (name: string, ...executions: Execution[]): Types.ProcedureStage => ({
  name,
  enabled: true,
  executions: executions.map((execution) => ({ execution, enabled: true })),
});

/** The Update once it is Complete, read through Komodo's client. */
function completed(komodo: Komodo, update: Types.Update, ms = 180_000): Promise<Types.Update> {
  return eventually(async () => {
    const current = await komodo.read('GetUpdate', { id: update._id!.$oid });
    expect(current.status).toBe('Complete');
    return current;
  }, ms);
}

/** The child Updates a run's log names (`Update <id>: ...`), in its log's order. */
const childIds = (run: Types.Update) =>
  run.logs.flatMap((l) => [...`${l.stdout}`.matchAll(/Update (\S+):/g)].map((m) => m[1]));

/**
 * Issue 15's distributed check: gateway, deployer, builder, procedures and alerter each their
 * own process on a real nats-server with the JetStream store, an agent on the local Docker,
 * everything driven through Komodo's own client.
 */
describe('procedures in distributed mode, driven by komodo_client', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const image = `localhost/monitor-procedures-distributed-${suffix}:1`;
  const webs = [`web-a-${suffix}`, `web-b-${suffix}`];
  const broken = `broken-${suffix}`;
  const stack = `idle-${suffix}`;
  const build = `app-${randomBytes(3).toString('hex')}`;
  let monitor: DistributedMonitor;
  let komodo: Komodo;
  let git: GitHttpServer;
  let registry: TestRegistry;

  const deployment = (name: string, from: string) =>
    komodo.write('CreateDeployment', {
      name,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: from } },
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
        termination_timeout: 1,
      },
    });
  const procedure = (name: string, ...stages: Types.ProcedureStage[]) =>
    komodo.write('CreateProcedure', { name, config: { stages } });
  const createBuild = async (name: string, dockerfile: string) => {
    await git.createRepo(`acme/${name}`, { Dockerfile: dockerfile });
    return komodo.write('CreateBuild', {
      name,
      config: {
        builder_id: 'local-builder',
        ...gitSource(gitProvider(git), ACCOUNTS.git.username, `acme/${name}`),
        pre_build: { path: '', command: COPY_BUSYBOX },
        image_registry: [
          { domain: registry.address, account: ACCOUNTS.registry.username, organization: 'team' },
        ],
      },
    });
  };
  const run = async (name: string) =>
    completed(komodo, await komodo.execute('RunProcedure', { procedure: name }));

  beforeAll(async () => {
    await buildVariantImage(docker, image, `procedures-distributed-${suffix}`);
    ({ git, registry } = await startBuildSources(ACCOUNTS));
    monitor = await startDistributed('procdist', ['deployer', 'builder', 'procedures', 'alerter']);
    komodo = monitor.komodo;
    await addSourceAccounts(monitor.admin, { git, registry }, ACCOUNTS);
    await createServerBuilder(monitor.admin, 'local-builder');
    await createBuild(build, scratchDockerfile('RUN ["/bin/busybox", "echo", "built"]'));
    for (const web of webs) await deployment(web, image);
    await deployment(broken, `localhost/monitor-missing-${suffix}:missing`);
    await komodo.write('CreateStack', {
      name: stack,
      config: {
        server_id: 'local',
        project_name: stack,
        auto_pull: false,
        file_contents: IDLE_COMPOSE,
      },
    });
  }, 180_000);

  afterAll(async () => {
    await komodo
      ?.execute('DestroyStack', { stack })
      .then((update) => completed(komodo, update, 60_000))
      .catch(() => undefined);
    await monitor?.stop();
    await removeContainers(docker, ...webs, broken);
    await removeComposeProject(docker, stack);
    const built = await docker.listImages({
      filters: { reference: [`${registry.address}/team/*`] },
    });
    await removeImageTags(docker, [image, ...built.flatMap((i) => i.RepoTags ?? [])]);
    await Promise.all([git?.stop(), registry?.stop()]);
  }, 120_000);

  it('builds, then BatchDeploys web-* beside a DeployStack, then a nested RunProcedure; every child links back', async () => {
    await procedure(
      `inner-${suffix}`,
      stage('wait', { type: 'Sleep', params: { duration_ms: 50 } }, { type: 'None', params: {} }),
    );
    await procedure(
      `ship-${suffix}`,
      stage('build', { type: 'RunBuild', params: { build } }),
      stage(
        'deploy',
        { type: 'BatchDeploy', params: { pattern: 'web-*' } },
        { type: 'DeployStack', params: { stack } },
      ),
      stage('nested', { type: 'RunProcedure', params: { procedure: `inner-${suffix}` } }),
    );
    const outer = await run(`ship-${suffix}`);
    expect(outer.logs.filter((l) => !l.success)).toEqual([]);
    expect(outer.success).toBe(true);
    expect(outer.logs.map((l) => l.stage).sort()).toEqual([
      `Stage 1 'build', execution 1: RunBuild`,
      `Stage 2 'deploy', execution 1: Deploy`,
      `Stage 2 'deploy', execution 1: Deploy`,
      `Stage 2 'deploy', execution 2: DeployStack`,
      `Stage 3 'nested', execution 1: RunProcedure`,
    ]);
    // Stages in order, a stage's executions at once: each stage starts once the one before ended.
    const [building, ...rest] = outer.logs;
    const nested = rest.pop()!;
    expect(building.stage).toBe(`Stage 1 'build', execution 1: RunBuild`);
    expect(nested.stage).toBe(`Stage 3 'nested', execution 1: RunProcedure`);
    for (const deploying of rest)
      expect(deploying.start_ts).toBeGreaterThanOrEqual(building.end_ts);
    expect(Math.max(...rest.map((l) => l.start_ts))).toBeLessThan(
      Math.min(...rest.map((l) => l.end_ts)),
    );
    expect(nested.start_ts).toBeGreaterThanOrEqual(Math.max(...rest.map((l) => l.end_ts)));

    const children = await Promise.all(
      childIds(outer).map((id) => komodo.read('GetUpdate', { id })),
    );
    expect(children.map((c) => c.operation).sort()).toEqual([
      'Deploy',
      'Deploy',
      'DeployStack',
      'RunBuild',
      'RunProcedure',
    ]);
    for (const child of children) {
      expect([child.operation, child.status, child.success]).toEqual([
        child.operation,
        'Complete',
        true,
      ]);
      expect(JSON.parse(child.other_data ?? '{}')).toMatchObject({ parent: outer._id!.$oid });
    }
    const built = children.find((c) => c.operation === 'RunBuild')!;
    expect(built.logs.map((l) => l.stage)).toEqual(expect.arrayContaining(['Docker Push']));
    for (const web of webs)
      expect((await docker.getContainer(web).inspect()).State.Running).toBe(true);
    const idle = await docker.listContainers({
      filters: { label: [`com.docker.compose.project=${stack}`] },
    });
    expect(idle.map((c) => c.State)).toEqual(['running']);
  }, 300_000);

  it('a failing Deploy beside a Sleep: the Sleep finishes, no next stage, ProcedureFailed opens', async () => {
    const name = `failing-${suffix}`;
    const created = await procedure(
      name,
      stage(
        'ship',
        { type: 'Deploy', params: { deployment: broken } },
        { type: 'Sleep', params: { duration_ms: 1000 } },
      ),
      stage('never', { type: 'None', params: {} }),
    );
    const failed = await run(name);
    expect(failed.success).toBe(false);
    const log = (suffix: string) => failed.logs.find((l) => l.stage.endsWith(suffix));
    expect(log('execution 2: Sleep')?.success).toBe(true);
    expect(log('execution 1: Deploy')?.success).toBe(false);
    expect(failed.logs.some((l) => l.stage.startsWith('Stage 2'))).toBe(false);
    expect(failed.logs.at(-1)).toMatchObject({ stage: 'Procedure Failed', success: false });
    expect(failed.logs.at(-1)?.stderr).toContain(
      "the procedure failed at stage 'ship' (1), execution 1 (Deploy)",
    );
    const [deploy] = await Promise.all(
      childIds(failed).map((id) => komodo.read('GetUpdate', { id })),
    );
    expect([deploy.operation, deploy.success]).toEqual(['Deploy', false]);
    expect(JSON.parse(deploy.other_data ?? '{}')).toMatchObject({ parent: failed._id!.$oid });

    const alerts = await eventually(async () => {
      const listed = await komodo.read('ListAlerts', {
        query: { 'target.id': created._id!.$oid },
      });
      expect(listed.alerts.map((a) => a.data.type)).toEqual(['ProcedureFailed']);
      return listed.alerts;
    }, 30_000);
    expect(alerts[0]).toMatchObject({ level: 'CRITICAL', target: { type: 'Procedure' } });
  }, 120_000);

  it('CancelProcedure mid-build: the build on the builder is stopped, no later stage, no alert', async () => {
    const slow = `slow-${build}`;
    const { _id } = await createBuild(
      slow,
      scratchDockerfile(`RUN ["/bin/busybox", "sh", "-c", ${JSON.stringify(SLOW_SCRIPT)}]`),
    );
    const name = `cancelled-${suffix}`;
    const created = await procedure(
      name,
      stage('build', { type: 'RunBuild', params: { build: slow } }),
      stage('never', { type: 'None', params: {} }),
    );
    const started = await komodo.execute('RunProcedure', { procedure: name });
    const building = await eventually(async () => {
      const { updates } = await komodo.read('ListUpdates', {});
      const child = updates.find((u) => u.operation === 'RunBuild' && u.target.id === _id!.$oid);
      expect(child).toBeDefined();
      const current = await komodo.read('GetUpdate', { id: child!.id });
      expect(JSON.stringify(current.logs)).toContain('sleeping');
      return current;
    }, 60_000);
    const cancelledAt = Date.now();
    const cancel = await completed(
      komodo,
      await komodo.execute('CancelProcedure', { procedure: name }),
      60_000,
    );
    expect(cancel.success).toBe(true);
    const stopped = await completed(komodo, started, 30_000);
    expect(Date.now() - cancelledAt).toBeLessThan(20_000);
    expect(stopped.success).toBe(false);
    expect(stopped.logs.map((l) => l.stage)).toEqual([
      `Stage 1 'build', execution 1: RunBuild`,
      'Procedure Cancelled',
    ]);
    const child = await completed(komodo, building, 30_000);
    expect(child.success).toBe(false);
    expect(child.logs.at(-1)?.stage).toBe('Build Cancelled');
    expect(JSON.parse(child.other_data ?? '{}')).toMatchObject({ parent: started._id!.$oid });
    expect(JSON.stringify(child.logs)).not.toContain('woke');
    // A cancelled run tells nothing: the alerter, which raised the failure above within a
    // moment, raises nothing for it.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { alerts } = await komodo.read('ListAlerts', {
      query: { 'target.id': created._id!.$oid },
    });
    expect(alerts).toEqual([]);
  }, 180_000);
});
