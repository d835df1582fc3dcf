import { procedureRunStream } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { completed, type UpdateView as Update } from '../support/updates';
import { runEventsApart } from '../support/run-events';

/**
 * What a run writes where, and in which order, now that it writes some of it at once (its
 * record beside its Update; an execution's log beside the stream's next step): the record
 * before any child starts, the stream finished before the Update completes, every log before
 * the run's end, in the order the executions ended.
 */
describe('a procedure run: its record, its Update and its stream, in order', () => {
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
  const at = (list: StoredEvent[], type: string) => list.find((e) => e.type === type)!.position;

  beforeAll(async () => {
    monitor = await startEmbedded();
    await procedure('inner', stage('wait', ['Sleep', { duration_ms: 20 }]));
    await monitor.admin.write('CreateDeployment', { name: 'nowhere', config: {} });
  }, 60_000);
  afterAll(() => monitor?.destroy());

  it('records the run before its child starts, finishes its stream before its Update', async () => {
    await procedure(
      'outer',
      stage('first', ['Sleep', { duration_ms: 10 }], ['RunProcedure', { procedure: 'inner' }]),
    );
    const outer = await run('outer');
    expect(outer.success).toBe(true);
    const update = await events(`update-${outer._id.$oid}`);
    const stream = await events(procedureRunStream(outer._id.$oid));
    // Three events: the take with the queueing, the executions' starts with their stage's, and
    // their ends and the stage's with the run's.
    expect(stream.map((e) => e.type)).toEqual(['RunQueued', 'StageStarted', 'RunFinished']);
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
    const childUpdate = await events(`update-${childId}`);
    expect(at(stream, 'RunQueued')).toBeLessThan(childUpdate[0].position);
    // The nested run (named by its parent) is recorded once its Update is: the same order.
    const nested = await events(procedureRunStream(childId));
    expect(childUpdate[0].position).toBeLessThan(nested[0].position);
    expect(nested.at(-1)!.type).toBe('RunFinished');
    const logs = update.filter((e) => e.type === 'UpdateLogAppended');
    expect(logs).toHaveLength(2);
    expect(at(stream, 'RunFinished')).toBeLessThan(at(update, 'UpdateCompleted'));
    expect(logs.every((e) => e.position < at(update, 'UpdateCompleted'))).toBe(true);
  });

  it('logs a failed execution before the run says it failed, its stream finished first', async () => {
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
    const stream = await events(procedureRunStream(failed._id.$oid));
    const update = await events(`update-${failed._id.$oid}`);
    expect(stream.filter((e) => e.type === 'StageStarted')).toHaveLength(2);
    expect(at(stream, 'RunFinished')).toBeLessThan(at(update, 'UpdateCompleted'));
  });
});
