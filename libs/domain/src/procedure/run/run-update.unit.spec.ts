import { evolveUpdate, type ExecutionState } from '../../updates/update';
import type { ProcedureRunEvent } from './procedure-run';
import { given, planned, stageStartedWithBoth, stages } from './procedure-run.fixtures';
import { procedureRunDecider } from './procedure-run.decider';
import { runUpdateEvents } from './run-update';

const queued: ProcedureRunEvent = {
  type: 'RunQueued',
  data: {
    runId: 'r1',
    procedureId: 'p1',
    updateId: 'r1',
    stages,
    starter: { by: 'user', userId: 'alice' },
    ts: 1,
    owner: { replica: 'a', leaseUntil: 100 },
    projectedUpdate: true,
  },
};
const stage0 = stageStartedWithBoth;
const slept: ProcedureRunEvent = {
  type: 'ExecutionFinished',
  data: { stage: 0, index: 1, success: true, ts: 12 },
};

/** The run's Update after these run events, as the read side folds it. */
const updateOf = (...events: ProcedureRunEvent[]) => {
  let run = procedureRunDecider.initialState();
  let update: ExecutionState = { status: 'Empty' };
  for (const e of events) {
    update = runUpdateEvents(run, e, false).reduce(evolveUpdate, update);
    run = procedureRunDecider.evolve(run, e);
  }
  if (update.status !== 'Active') throw new Error('no Update');
  return update.execution;
};

describe("a procedure run's Update: given the run's events, when one more comes", () => {
  it('starts as the run is queued: Queued behind an unfinished run of its procedure', () => {
    expect(runUpdateEvents(given(), queued, true)).toEqual([
      {
        type: 'UpdateStarted',
        data: {
          id: 'r1',
          operation: 'RunProcedure',
          target: { type: 'Procedure', id: 'p1' },
          queued: true,
          ts: 1,
        },
      },
    ]);
    expect(runUpdateEvents(given(queued), stage0, true)).toEqual([
      { type: 'UpdateRunning', data: { ts: 2 } },
    ]);
  });

  it('tells nothing of a run recorded before, whose Update was written apart', () => {
    const { projectedUpdate: _p, ...data } = (
      queued as Extract<ProcedureRunEvent, { type: 'RunQueued' }>
    ).data;
    const before: ProcedureRunEvent = { type: 'RunQueued', data };
    expect(runUpdateEvents(given(), before, false)).toEqual([]);
    expect(runUpdateEvents(given(before), stage0, false)).toEqual([]);
  });

  it('logs each execution as its end is recorded: its place, its params, how it ended', () => {
    expect(runUpdateEvents(given(queued, stage0), slept, false)).toEqual([
      {
        type: 'UpdateLogAppended',
        data: {
          log: {
            stage: "Stage 1 'deploy', execution 2: Sleep",
            command: 'Sleep {"duration_ms":10}',
            stdout: 'slept 10 ms',
            stderr: '',
            success: true,
            start_ts: 2,
            end_ts: 12,
          },
        },
      },
    ]);
  });

  it("completes with the run's end, logging the ends it carries, then why it failed", () => {
    const failed: ProcedureRunEvent = {
      type: 'RunFinished',
      data: {
        success: false,
        failed: { stage: 0, execution: 0 },
        reason: "failed at stage 'deploy' (1), execution 1 (Deploy)",
        ts: 30,
        stageFinished: { stage: 0, success: false },
        executionsFinished: [{ stage: 0, index: 0, success: false, updateId: 'child' }],
      },
    };
    const update = updateOf(queued, stage0, slept, failed);
    expect(update).toMatchObject({ status: 'Complete', success: false, startTs: 1, endTs: 30 });
    expect(update.logs.map((l) => [l.stage, l.stdout, l.stderr, l.end_ts])).toEqual([
      ["Stage 1 'deploy', execution 2: Sleep", 'slept 10 ms', '', 12],
      ["Stage 1 'deploy', execution 1: Deploy", 'Update child: failed', 'Update child: failed', 30],
      [
        'Procedure Failed',
        '',
        "the procedure failed at stage 'deploy' (1), execution 1 (Deploy)",
        30,
      ],
    ]);
  });

  it('says why an execution that could not start ended, and how a cancel or a stop ended the run', () => {
    const refused: ProcedureRunEvent = {
      type: 'ExecutionFinished',
      data: { stage: 0, index: 0, success: false, ts: 5, error: 'alice may not Deploy web' },
    };
    const stageOnly: ProcedureRunEvent = {
      type: 'StageStarted',
      data: { stage: 0, executions: planned, ts: 2, started: [{ index: 1 }] },
    };
    const [refusal] = runUpdateEvents(given(queued, stageOnly), refused, false);
    expect(refusal).toMatchObject({
      data: { log: { stderr: 'alice may not Deploy web', success: false, start_ts: 5 } },
    });
    const end = (data: object): ProcedureRunEvent =>
      ({ type: 'RunFinished', data: { success: false, ts: 9, ...data } }) as ProcedureRunEvent;
    const cancelled = updateOf(
      queued,
      end({ cancelled: null, reason: 'cancelled before its first stage' }),
    );
    expect(cancelled.logs.map((l) => [l.stage, l.stderr])).toEqual([
      ['Procedure Cancelled', 'the procedure was cancelled before its first stage'],
    ]);
    const stopped = updateOf(
      queued,
      end({ interrupted: null, reason: 'interrupted before its first stage' }),
    );
    expect(stopped.logs.map((l) => [l.stage, l.stderr])).toEqual([
      ['interrupted', 'interrupted before its first stage'],
    ]);
    expect(stopped.status).toBe('Complete');
  });
});
