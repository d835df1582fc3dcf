import type { ProcedureStage } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import { ReadModel } from '@monitor/projections';
import { ChildExecution } from './child-execution';
import { RunDriver } from './run-driver';
import { RunStream } from './run-stream';
import { StarterAccess } from './starter-access';

const meta = { userId: 'u1', via: 'api' as const, correlationId: 'c1' };
const starter = { by: 'user' as const, userId: 'u1' };
const stages: ProcedureStage[] = [
  {
    name: 'wait',
    enabled: true,
    executions: [{ execution: { type: 'Sleep', params: { duration_ms: 10 } }, enabled: true }],
  },
];

/**
 * A run recorded with its first stage started (as ProcedureRuns records one that starts at
 * once), driven on a memory store: the driver sends what the record started, and takes it back
 * should a cancel come before it began.
 */
describe('RunDriver, a run whose first stage started with its record', () => {
  let store: MemoryEventStore;
  let readModel: ReadModel;
  let runner: ExecutionRunner;
  let driver: RunDriver;

  beforeEach(() => {
    store = new MemoryEventStore();
    readModel = new ReadModel();
    readModel.start(store);
    runner = new ExecutionRunner(store, readModel);
    // Sleep is run by the driver itself: nothing goes over the bus.
    const bus = {
      request: () => Promise.reject(new Error('nothing is sent in these tests')),
    };
    const children = new ChildExecution(bus, readModel, store, console.error);
    driver = new RunDriver(readModel, new StarterAccess(readModel), children);
  });
  afterEach(async () => {
    await readModel.stop();
    await store.close();
  });

  const drive = async (runId: string, signal: AbortSignal) => {
    const stream = new RunStream(store, runId, meta);
    const now = Date.now();
    const first = driver.stageStart('u1', 0, stages[0], now);
    const run = await stream.apply(
      { type: 'Queue', runId, procedureId: 'p1', updateId: runId, stages, starter, ts: now },
      { type: 'Take', replica: 'a', leaseUntil: now + 60_000, now },
      ...first.commands,
    );
    const started = await runner.start({
      operation: 'RunProcedure',
      target: { type: 'Procedure', id: 'p1' },
      meta: { ...meta, updateId: runId },
      work: (ctx) =>
        driver.drive({ run, ctx, stream, signal, cancel: signal, meta, fresh: first.started }),
    });
    const success = await started.done;
    await readModel.waitFor(await store.headPosition());
    const events = await store.readStream(`procedurerun-${runId}`);
    return { success, events, update: readModel.update(runId)! };
  };

  it('runs the executions its record started, writing no start of them again', async () => {
    const { success, events, update } = await drive('r1', new AbortController().signal);
    expect(success).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['RunQueued', 'StageStarted', 'RunFinished']);
    expect(update.logs.map((l) => [l.stdout, l.success])).toEqual([['slept 10 ms', true]]);
  });

  it('cancelled before it began: takes the stage back, the run cancelled before its first stage', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const { success, events, update } = await drive('r2', cancel.signal);
    expect(success).toBe(false);
    expect(events.map((e) => e.type)).toEqual([
      'RunQueued',
      'StageStarted',
      'StageWithdrawn',
      'RunFinished',
    ]);
    expect(events.at(-1)!.data).toMatchObject({
      success: false,
      cancelled: null,
      reason: 'cancelled before its first stage',
    });
    expect(update.logs.map((l) => l.stage)).toEqual(['Procedure Cancelled']);
  });
});
