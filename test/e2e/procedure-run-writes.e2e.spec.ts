import { procedureRunStream } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { completed, type UpdateView as Update } from '../support/updates';
import { runEventsApart } from '../support/run-events';

/**
 * What a run writes: its stream alone. Its Update is that stream's projection (no `update-`
 * stream of its own): the run recorded before any child starts, each execution's end logged as
 * the stream records it (at once while its siblings run, the last with its stage's end), the
 * run's end its Update's completion.
 */
describe('a procedure run: its stream, and its Update as that stream tells it', () => {
  let monitor: EmbeddedMonitor;
  const stage = (name: string, ...executions: [string, object][]) => ({
    name,
    enabled: true,
    executions: executions.map(([type, params]) => ({
      execution: { type, params },
      enabled: true,
    })),
  });
  const procedure = (name: string, ...stages: ReturnType<typeof stage>[]) =>
    monitor.admin.write('CreateProcedure', { name, config: { stages } });
  const run = async (name: string) =>
    completed(
      monitor.admin,
      await monitor.admin.execute<Update>('RunProcedure', { procedure: name }),
      30_000,
    );
  const events = (stream: string) => monitor.runtime.store.readStream(stream);
  const at = (list: StoredEvent[], type: string) => list.find((e) => e.type === type)!;

  beforeAll(async () => {
    monitor = await startEmbedded();
    await procedure('inner', stage('wait', ['Sleep', { duration_ms: 20 }]));
    await monitor.admin.write('CreateDeployment', { name: 'nowhere', config: {} });
  }, 60_000);
  afterAll(() => monitor?.destroy());

  it('records the run before its child starts; its Update is its stream, logged as executions end', async () => {
    await procedure(
      'outer',
      stage('first', ['Sleep', { duration_ms: 10 }], ['RunProcedure', { procedure: 'inner' }]),
    );
    const outer = await run('outer');
    expect(outer.success).toBe(true);
    expect(await events(`update-${outer._id.$oid}`)).toEqual([]);
    const stream = await events(procedureRunStream(outer._id.$oid));
    // The take with the queueing; the executions' starts with their stage's; the Sleep's end as
    // it ended (the nested run went on); the nested run's end and the stage's with the run's.
    expect(stream.map((e) => e.type)).toEqual([
      'RunQueued',
      'StageStarted',
      'ExecutionFinished',
      'RunFinished',
    ]);
    expect(runEventsApart(stream).map((e) => e.type)).toEqual([
      'RunQueued',
      'RunStarted',
      'StageStarted',
      'ExecutionStarted',
      'ExecutionStarted',
      'ExecutionFinished',
      'ExecutionFinished',
      'StageFinished',
      'RunFinished',
    ]);
    const child = runEventsApart(stream).find(
      (e) => e.type === 'ExecutionStarted' && (e.data as { updateId?: string }).updateId,
    )!;
    const childId = (child.data as { updateId: string }).updateId;
    // The nested run (named by its parent) is recorded after its parent; it links back.
    const nested = await events(procedureRunStream(childId));
    expect(at(stream, 'RunQueued').position).toBeLessThan(nested[0].position);
    expect(nested.at(-1)!.type).toBe('RunFinished');
    expect(await events(`update-${childId}`)).toEqual([]);
    const nestedUpdate = await monitor.admin.read<Update>('GetUpdate', { id: childId });
    expect(JSON.parse(nestedUpdate.other_data ?? '{}')).toMatchObject({
      parent: outer._id.$oid,
    });
    expect(outer.logs.map((l) => [l.stage, l.stdout])).toEqual([
      ["Stage 1 'first', execution 1: Sleep", 'slept 10 ms'],
      ["Stage 1 'first', execution 2: RunProcedure", `Update ${childId}: succeeded`],
    ]);
    const finished = at(stream, 'RunFinished').data as { ts: number };
    expect(outer.end_ts).toBe(finished.ts);
  });

  it('logs a failed execution, then why the run failed', async () => {
    await procedure(
      'failing',
      stage('first', ['Sleep', { duration_ms: 5 }]),
      stage('second', ['DestroyDeployment', { deployment: 'nowhere' }]),
      stage('never', ['Sleep', { duration_ms: 5 }]),
    );
    const failed = await run('failing');
    expect(failed.success).toBe(false);
    expect(failed.logs.map((l) => [l.stage.split(',')[0], l.success])).toEqual([
      ["Stage 1 'first'", true],
      ["Stage 2 'second'", false],
      ['Procedure Failed', false],
    ]);
    expect(failed.logs.at(-1)!.stderr).toBe(
      "the procedure failed at stage 'second' (2), execution 1 (DestroyDeployment)",
    );
    const stream = await events(procedureRunStream(failed._id.$oid));
    expect(stream.filter((e) => e.type === 'StageStarted')).toHaveLength(2);
    expect(await events(`update-${failed._id.$oid}`)).toEqual([]);
  });
});
