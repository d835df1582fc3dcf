import Dockerode from 'dockerode';
import { buildVariantImage } from '@monitor/testing';
import { createEventStore, type EventStoreHandle } from '@monitor/eventstore';
import { natsUrl } from '../test-env';
import type { ApiClient } from '../support/api';
import { startDistributed, type DistributedMonitor } from '../support/distributed-monitor';
import { creations } from '../support/docker-events';
import { eventually } from '../support/eventually';
import { removeContainers } from '../support/leftovers';
import { runEventsApart } from '../support/run-events';
import { startProcess } from '../support/process-monitor';
import { completed, type UpdateView as Update } from '../support/updates';

type Execution = [type: string, params: Record<string, unknown>];

const stage = (name: string, ...executions: Execution[]) => ({
  name,
  enabled: true,
  executions: executions.map(([type, params]) => ({ execution: { type, params }, enabled: true })),
});

/** The child Updates a run's stream names: as its executions start, or (older runs) after. */
const childUpdates = (events: { type: string; data: unknown }[]) =>
  events.flatMap((e) => {
    const { updateId } = e.data as { updateId?: string };
    const naming = e.type === 'ExecutionStarted' || e.type === 'ExecutionAttached';
    return naming && updateId ? [updateId] : [];
  });

/**
 * Distributed mode, a real nats-server and the JetStream store: the procedures process killed
 * -9 (or stopped, as a rolling restart does) mid-stage and started again (a new process, so a
 * new replica: it waits for the old lease to run out). The run resumes where its stream stood:
 * nothing started twice.
 */
describe('a procedure run survives its procedures process dying mid-stage', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const image = `localhost/monitor-procedure-kill-${suffix}:1`;
  /** Its container takes 3 s to stop on TERM: a Deploy replacing it is in flight that long. */
  const slow = `proc-kill-slow-${suffix}`;
  let monitor: DistributedMonitor;
  let client: ApiClient;
  let handle: EventStoreHandle;

  const runStream = (run: Update) => `procedurerun-${run._id.$oid}`;
  /** The run's stream, its merged events apart (runEventsApart). */
  const runStreamApart = async (run: Update) =>
    runEventsApart(await handle.store.readStream(runStream(run)));
  const runEvents = async (run: Update) => (await runStreamApart(run)).map((e) => e.type);
  const kill = async () => {
    const procedures = monitor.services.get('procedures')!;
    procedures.child.kill('SIGKILL');
    await new Promise((resolve) => procedures.child.once('exit', resolve));
  };
  const killProcedures = async () => {
    await kill();
    await monitor.start('procedures');
  };

  beforeAll(async () => {
    await buildVariantImage(docker, image, `procedure-kill-${suffix}`);
    monitor = await startDistributed('prockill', ['deployer', 'procedures'], {
      MONITOR_PROCEDURES_LEASE_MS: '1000',
    });
    client = monitor.admin;
    handle = await createEventStore({
      kind: 'jetstream',
      servers: natsUrl(),
      stream: monitor.env.MONITOR_EVENT_STORE_STREAM,
      prefix: monitor.env.MONITOR_EVENT_STORE_SUBJECT_PREFIX,
    });
    await client.write('CreateDeployment', {
      name: slow,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image } },
        command: `/bin/sh -c "trap 'sleep 3; exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
        termination_timeout: 20,
      },
    });
    // The container the procedure's Deploy replaces (slowly), made before the run.
    const first = await client.execute<Update>('Deploy', { deployment: slow });
    expect((await completed(client, first, 60_000)).success).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await monitor?.stop();
    await handle?.store.close();
    await removeContainers(docker, slow);
    await docker
      .getImage(image)
      .remove()
      .catch(() => undefined);
  }, 60_000);

  it('killed mid-Sleep, started again: the run completes, each execution started once', async () => {
    await client.write('CreateProcedure', {
      name: 'durable',
      config: {
        stages: [
          stage('wait', ['Sleep', { duration_ms: 3000 }], ['None', {}]),
          stage('after', ['None', {}]),
        ],
      },
    });
    const run = await client.execute<Update>('RunProcedure', { procedure: 'durable' });
    await eventually(
      async () => expect(await runEvents(run)).toContain('ExecutionStarted'),
      10_000,
    );
    await killProcedures();

    const done = await completed(client, run, 60_000);
    expect(done.success).toBe(true);
    expect(done.logs.map((l) => l.stage)).toContain(`Stage 2 'after', execution 1: None`);
    const events = await runEvents(run);
    expect(events.filter((t) => t === 'StageStarted')).toHaveLength(2);
    expect(events.filter((t) => t === 'ExecutionStarted')).toHaveLength(3);
    expect(events.filter((t) => t === 'RunStarted').length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toBe('RunFinished');
  }, 120_000);

  /**
   * Runs a Deploy (of the slow container) beside a Sleep, then a None; `stop` ends the
   * procedures process while the Deploy is under way and starts it again. The run completes,
   * its Update tells of no failure, and Docker created the container once.
   */
  const shipThrough = async (procedure: string, stop: () => Promise<void>) => {
    await client.write('CreateProcedure', {
      name: procedure,
      config: {
        stages: [
          stage('ship', ['Deploy', { deployment: slow }], ['Sleep', { duration_ms: 4000 }]),
          stage('after', ['None', {}]),
        ],
      },
    });
    // Docker's events are asked by the second: from the next one, after the last Deploy's.
    const since = Math.ceil(Date.now() / 1000);
    await new Promise((resolve) => setTimeout(resolve, since * 1000 - Date.now()));
    const run = await client.execute<Update>('RunProcedure', { procedure });
    // The Deploy's Update is named on the run, and it is under way.
    const deployId = await eventually(async () => {
      const [named] = childUpdates(await runStreamApart(run));
      expect(named).toBeDefined();
      const deploying = await client.read<Update>('GetUpdate', { id: named });
      expect([deploying.operation, deploying.status]).toEqual(['Deploy', 'InProgress']);
      return named;
    }, 15_000);
    await stop();

    const done = await completed(client, run, 60_000);
    expect(done.logs.filter((l) => !l.success)).toEqual([]);
    expect(done.success).toBe(true);
    expect(done.logs.map((l) => l.stage).sort()).toEqual([
      `Stage 1 'ship', execution 1: Deploy`,
      `Stage 1 'ship', execution 2: Sleep`,
      `Stage 2 'after', execution 1: None`,
    ]);
    const deploy = await client.read<Update>('GetUpdate', { id: deployId });
    expect([deploy.status, deploy.success]).toEqual(['Complete', true]);
    expect(JSON.parse(deploy.other_data ?? '{}')).toMatchObject({ parent: run._id.$oid });
    const { updates } = await client.read<{ updates: { id: string; start_ts: number }[] }>(
      'ListUpdates',
      { query: { operation: 'Deploy' } },
    );
    expect(updates.filter((u) => u.start_ts >= run.start_ts).map((u) => u.id)).toEqual([deployId]);
    expect(await creations(docker, slow, since)).toBe(1);
    expect((await docker.getContainer(slow).inspect()).State.Running).toBe(true);
    const events = await runEvents(run);
    expect(events.filter((t) => t === 'ExecutionStarted')).toHaveLength(3);
    expect(events.at(-1)).toBe('RunFinished');
    expect(childUpdates(await runStreamApart(run))).toEqual([deployId]);
  };

  it('killed while a Deploy and a Sleep run: the container is created once, the run completes', async () => {
    await shipThrough('ship', killProcedures);
  }, 120_000);

  it('stopped (SIGTERM, a rolling restart) while a Deploy and a Sleep run: the same', async () => {
    await shipThrough('rolling', async () => {
      await monitor.services.get('procedures')!.stop();
      await monitor.start('procedures');
    });
  }, 120_000);

  it('two replicas, the one driving the run killed: the other takes it once the lease runs out', async () => {
    const first = monitor.services.get('procedures')!;
    const second = await startProcess('procedures', monitor.env, { http: false });
    try {
      await client.write('CreateProcedure', {
        name: 'shared',
        config: {
          stages: [
            stage('wait', ['Sleep', { duration_ms: 3000 }], ['None', {}]),
            stage('after', ['None', {}]),
          ],
        },
      });
      const run = await client.execute<Update>('RunProcedure', { procedure: 'shared' });
      const owner = await eventually(async () => {
        const events = await runStreamApart(run);
        expect(events.map((e) => e.type)).toContain('ExecutionStarted');
        return (events.find((e) => e.type === 'RunStarted')!.data as { replica: string }).replica;
      }, 10_000);
      const [driving, other] = owner.endsWith(`:${first.child.pid}`)
        ? [first, second]
        : [second, first];
      expect(owner).toMatch(new RegExp(`:${driving.child.pid}$`));
      driving.child.kill('SIGKILL');
      await new Promise((resolve) => driving.child.once('exit', resolve));

      const done = await completed(client, run, 30_000);
      expect(done.logs.filter((l) => !l.success)).toEqual([]);
      expect(done.success).toBe(true);
      const events = await runStreamApart(run);
      const takers = events
        .filter((e) => e.type === 'RunStarted')
        .map((e) => (e.data as { replica: string }).replica);
      expect(takers).toEqual([owner, expect.stringMatching(new RegExp(`:${other.child.pid}$`))]);
      expect(events.filter((e) => e.type === 'ExecutionStarted')).toHaveLength(3);
    } finally {
      // One live replica for what follows, in the services' map.
      if (first.child.exitCode === null && first.child.signalCode === null) await second.stop();
      else await monitor.start('procedures').then(() => second.stop());
    }
  }, 120_000);

  it('killed, started again past the resume window: the run ends interrupted, saying where', async () => {
    await client.write('CreateProcedure', {
      name: 'late',
      config: {
        stages: [
          stage('wait', ['Sleep', { duration_ms: 30_000 }], ['None', {}]),
          stage('never', ['None', {}]),
        ],
      },
    });
    const run = await client.execute<Update>('RunProcedure', { procedure: 'late' });
    await eventually(
      async () => expect(await runEvents(run)).toContain('ExecutionStarted'),
      10_000,
    );
    await kill();
    // The lease (1 s) runs out, then the window (500 ms) passes with nobody driving the run.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await monitor.start('procedures', { MONITOR_PROCEDURES_RESUME_WINDOW_MS: '500' });

    const done = await completed(client, run, 30_000);
    expect(done.success).toBe(false);
    expect(done.logs.at(-1)).toMatchObject({ stage: 'interrupted', success: false });
    expect(done.logs.at(-1)?.stderr).toContain(
      "interrupted at stage 'wait' (1), execution 1 (Sleep)",
    );
    expect(done.logs.some((l) => l.stage.startsWith('Stage 2'))).toBe(false);
    const { updates } = await client.read<{ updates: { status: string }[] }>('ListUpdates', {});
    expect(updates.filter((u) => u.status !== 'Complete')).toEqual([]);
  }, 120_000);
});
