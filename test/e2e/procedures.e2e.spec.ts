import Dockerode from 'dockerode';
import { buildVariantImage } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { removeContainers } from '../support/leftovers';
import { completed, type UpdateView as Update } from '../support/updates';

type Execution = [type: string, params: Record<string, unknown>];

const stage = (name: string, ...executions: Execution[]) => ({
  name,
  enabled: true,
  executions: executions.map(([type, params]) => ({ execution: { type, params }, enabled: true })),
});

/** The child Updates a run's Update names, in its log's order. */
const childIds = (run: Update) =>
  run.logs.flatMap((l) => [...`${l.stdout}`.matchAll(/Update (\S+):/g)].map((m) => m[1]));

describe('procedures: stages in order, executions at once, each its own Update', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const image = `localhost/monitor-procedure-${suffix}:1`;
  const webs = [`proc-web-a-${suffix}`, `proc-web-b-${suffix}`];
  const broken = `proc-broken-${suffix}`;
  let monitor: EmbeddedMonitor;

  const deployment = (name: string, image: string) =>
    monitor.admin.write('CreateDeployment', {
      name,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image } },
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
        termination_timeout: 1,
      },
    });
  const procedure = (name: string, ...stages: ReturnType<typeof stage>[]) =>
    monitor.admin.write('CreateProcedure', { name, config: { stages } });
  const run = (name: string) => monitor.admin.execute<Update>('RunProcedure', { procedure: name });
  const done = (update: Update) => completed(monitor.admin, update, 90_000);
  const update = (id: string) => monitor.admin.read<Update>('GetUpdate', { id });

  beforeAll(async () => {
    await buildVariantImage(docker, image, `procedures-${suffix}`);
    monitor = await startEmbedded({ ...LOCAL_AGENT_ENV });
    for (const web of webs) await deployment(web, image);
    await deployment(broken, `localhost/monitor-missing-${suffix}:missing`);
  }, 120_000);

  afterAll(async () => {
    await monitor?.destroy();
    await removeContainers(docker, ...webs, broken);
    await docker
      .getImage(image)
      .remove()
      .catch(() => undefined);
  }, 60_000);

  it('runs a BatchDeploy beside a Sleep, then a nested RunProcedure; every child links back', async () => {
    await procedure(`inner-${suffix}`, stage('wait', ['Sleep', { duration_ms: 50 }], ['None', {}]));
    await procedure(
      `outer-${suffix}`,
      stage(
        'deploy',
        ['BatchDeploy', { pattern: `proc-web-*-${suffix}` }],
        ['Sleep', { duration_ms: 200 }],
      ),
      stage('nested', ['RunProcedure', { procedure: `inner-${suffix}` }]),
    );
    const outer = await done(await run(`outer-${suffix}`));
    expect(outer.success).toBe(true);
    // The stage's executions end in any order; the nested run comes after them all.
    expect(
      outer.logs
        .slice(0, 3)
        .map((l) => l.stage)
        .sort(),
    ).toEqual([
      `Stage 1 'deploy', execution 1: Deploy`,
      `Stage 1 'deploy', execution 1: Deploy`,
      `Stage 1 'deploy', execution 2: Sleep`,
    ]);
    expect(outer.logs.slice(3).map((l) => l.stage)).toEqual([
      `Stage 2 'nested', execution 1: RunProcedure`,
    ]);
    const children = await Promise.all(childIds(outer).map(update));
    expect(children.map((c) => c.operation).sort()).toEqual(['Deploy', 'Deploy', 'RunProcedure']);
    for (const child of children) {
      expect(child.success).toBe(true);
      expect(JSON.parse(child.other_data ?? '{}')).toMatchObject({ parent: outer._id.$oid });
    }
    for (const web of webs)
      expect((await docker.getContainer(web).inspect()).State.Running).toBe(true);
  }, 120_000);

  it('a failing Deploy fails its stage: its sibling finishes, no next stage, the run names it', async () => {
    await procedure(
      `failing-${suffix}`,
      stage('ship', ['Deploy', { deployment: broken }], ['Sleep', { duration_ms: 500 }]),
      stage('never', ['None', {}]),
    );
    const failed = await done(await run(`failing-${suffix}`));
    expect(failed.success).toBe(false);
    const stages = failed.logs.map((l) => l.stage);
    expect(stages).toContain(`Stage 1 'ship', execution 2: Sleep`);
    expect(failed.logs.find((l) => l.stage.endsWith('execution 2: Sleep'))?.success).toBe(true);
    expect(failed.logs.find((l) => l.stage.endsWith('execution 1: Deploy'))?.success).toBe(false);
    expect(stages.some((s) => s.startsWith('Stage 2'))).toBe(false);
    expect(failed.logs.at(-1)).toMatchObject({ stage: 'Procedure Failed', success: false });
    expect(failed.logs.at(-1)?.stderr).toContain(
      "the procedure failed at stage 'ship' (1), execution 1 (Deploy)",
    );
  }, 120_000);

  it('a second run of a running procedure queues behind the first', async () => {
    await procedure(`slow-${suffix}`, stage('wait', ['Sleep', { duration_ms: 1000 }]));
    const first = await run(`slow-${suffix}`);
    const second = await run(`slow-${suffix}`);
    expect(second.status).toBe('Queued');
    const [a, b] = [await done(first), await done(second)];
    expect(a.success && b.success).toBe(true);
    expect(b.logs[0].start_ts).toBeGreaterThanOrEqual(a.end_ts!);
  }, 60_000);

  it('CancelProcedure stops a run between executions: a Sleep cut short, no later stage', async () => {
    await procedure(
      `cancelled-${suffix}`,
      stage('wait', ['Sleep', { duration_ms: 30_000 }]),
      stage('never', ['None', {}]),
    );
    const started = Date.now();
    const running = await run(`cancelled-${suffix}`);
    const cancel = await monitor.admin.execute<Update>('CancelProcedure', {
      procedure: `cancelled-${suffix}`,
    });
    const [stopped, cancelled] = [await done(running), await done(cancel)];
    expect(cancelled.success).toBe(true);
    expect(stopped.success).toBe(false);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(stopped.logs.map((l) => l.stage)).toEqual([
      `Stage 1 'wait', execution 1: Sleep`,
      'Procedure Cancelled',
    ]);
    const idle = await monitor.admin.execute<Update>('CancelProcedure', {
      procedure: `cancelled-${suffix}`,
    });
    expect((await done(idle)).logs[0].stderr).toContain('is not running');
  }, 60_000);

  it('BatchRunProcedure runs every procedure its pattern picks, each its own run', async () => {
    await procedure(`batch-a-${suffix}`, stage('nothing', ['None', {}]));
    await procedure(`batch-b-${suffix}`, stage('nothing', ['None', {}]));
    const answers = await monitor.admin.execute<{ status: string; data: Update }[]>(
      'BatchRunProcedure',
      { pattern: `batch-*-${suffix}` },
    );
    expect(answers.map((a) => a.status)).toEqual(['Ok', 'Ok']);
    for (const answer of answers) expect((await done(answer.data)).success).toBe(true);
  }, 60_000);
});
