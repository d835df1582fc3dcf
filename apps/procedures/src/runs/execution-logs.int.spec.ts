import { updateDecider, updateStream, type ProcedureRun } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { ReadModel } from '@monitor/projections';
import { handleCommand } from '@monitor/resources';
import { childOutput, executionLabel, logEndedStage } from './execution-logs';
import { ResumedUpdate } from './resumed-update';

const meta = { userId: 'u1', via: 'system' as const, correlationId: 'c1' };

/**
 * A run that ended while its Update did not (its driver stopped between the two): the resume
 * logs its last stage from the stream, each execution once, whichever logs were written.
 */
describe('logEndedStage on a resumed Update', () => {
  let store: MemoryEventStore;
  let readModel: ReadModel;
  const id = 'run-1';
  const run: ProcedureRun = {
    runId: id,
    procedureId: 'p1',
    updateId: id,
    stages: [{ name: 'deploy', enabled: true, executions: [] }],
    starter: { by: 'user', userId: 'u1' },
    status: 'Finished',
    stage: 0,
    stageRunning: false,
    plan: [
      { type: 'Deploy', params: { deployment: 'a' }, configured: 0 },
      { type: 'Deploy', params: { deployment: 'b' }, configured: 1 },
      { type: 'Sleep', params: { duration_ms: 5 }, configured: 2 },
    ],
    executions: [
      { stage: 0, index: 0, startedAt: 1, updateId: 'child-a', success: true },
      { stage: 0, index: 1, startedAt: 1, updateId: 'child-b', success: false },
      { stage: 0, index: 2, startedAt: 1, success: true },
    ],
    success: false,
  };
  const send = (command: Parameters<typeof updateDecider.decide>[1]) =>
    handleCommand(store, updateStream(id), updateDecider, command, meta);

  beforeEach(async () => {
    store = new MemoryEventStore();
    readModel = new ReadModel();
    readModel.start(store);
    const target = { type: 'Procedure', id: 'p1' };
    await send({ type: 'Start', id, operation: 'RunProcedure', target, queued: false, ts: 1 });
    // The first execution's log was written as it ended; the others were still to come.
    const { stdout } = childOutput('child-a', true);
    const label = executionLabel(run, 0, run.plan[0]);
    await send({
      type: 'AppendLog',
      log: {
        stage: label,
        command: '',
        stdout: stdout!,
        stderr: '',
        success: true,
        start_ts: 1,
        end_ts: 2,
      },
    });
  });
  afterEach(async () => {
    await readModel.stop();
    await store.close();
  });

  it('logs each execution of the stage once, as the driver did, and completes', async () => {
    const appends: string[][] = [];
    const append = store.append.bind(store);
    jest.spyOn(store, 'append').mockImplementation(async (stream, events, expected) => {
      appends.push(events.map((e) => e.type));
      return append(stream, events, expected);
    });
    const update = new ResumedUpdate(store, id, meta);
    await update.run(async (ctx) => {
      await logEndedStage(ctx, run);
      if (!run.success) throw new Error('the run ended failed before its Update was completed');
    });
    await readModel.waitFor(await store.headPosition());
    const done = readModel.update(id)!;
    expect(done).toMatchObject({ status: 'Complete', success: false });
    expect(done.logs.map((l) => [l.stage, l.stdout, l.success])).toEqual([
      ["Stage 1 'deploy', execution 1: Deploy", 'Update child-a: succeeded', true],
      ["Stage 1 'deploy', execution 2: Deploy", 'Update child-b: failed', false],
      ["Stage 1 'deploy', execution 3: Sleep", 'slept 5 ms', true],
      ['error', '', false],
    ]);
    // The work's error is written with the completion.
    expect(appends.at(-1)).toEqual(['UpdateLogAppended', 'UpdateCompleted']);
  });
});
