import { DomainError } from '../../shared/domain-error';
import type { ProcedureRunCommand, ProcedureRunEvent, ProcedureRunState } from './procedure-run';
import { given, planned, stageStartedWithBoth, stages } from './procedure-run.fixtures';
import {
  procedureRunCommandsDecider,
  procedureRunDecider,
  unfinishedExecutions,
} from './procedure-run.decider';

const queued: ProcedureRunEvent = {
  type: 'RunQueued',
  data: {
    runId: 'r1',
    procedureId: 'p1',
    updateId: 'u1',
    stages,
    starter: { by: 'user', userId: 'alice' },
    ts: 1,
  },
};
const started: ProcedureRunEvent = {
  type: 'RunStarted',
  data: { replica: 'a', leaseUntil: 100, ts: 1 },
};
const stage0: ProcedureRunEvent = {
  type: 'StageStarted',
  data: { stage: 0, executions: planned, ts: 2 },
};
const deployStarted: ProcedureRunEvent = {
  type: 'ExecutionStarted',
  data: { stage: 0, index: 0, ts: 3, updateId: 'child' },
};
/** As runs recorded before ExecutionStarted named the child wrote it. */
const deployAttached: ProcedureRunEvent = {
  type: 'ExecutionAttached',
  data: { stage: 0, index: 0, updateId: 'child' },
};

const when = (state: ProcedureRunState, command: ProcedureRunCommand) =>
  procedureRunDecider.decide(state, command);
const refused = (state: ProcedureRunState, command: ProcedureRunCommand) =>
  expect(() => when(state, command)).toThrow(DomainError);

describe('a procedure run: given its events, when a command comes', () => {
  it('queues once, with the config as it was', () => {
    const { type: _t, data } = queued;
    expect(when(given(), { type: 'Queue', ...data })).toEqual([queued]);
    refused(given(queued), { type: 'Queue', ...data });
  });

  it('is taken by a replica, and by another only once the lease has run out', () => {
    expect(when(given(queued), { type: 'Take', replica: 'a', leaseUntil: 100, now: 1 })).toEqual([
      started,
    ]);
    refused(given(queued, started), { type: 'Take', replica: 'b', leaseUntil: 200, now: 50 });
    expect(
      when(given(queued, started), { type: 'Take', replica: 'b', leaseUntil: 300, now: 101 }),
    ).toEqual([{ type: 'RunStarted', data: { replica: 'b', leaseUntil: 300, ts: 101 } }]);
  });

  it('renews a lease only for its owner', () => {
    expect(
      when(given(queued, started), { type: 'Renew', replica: 'a', leaseUntil: 200, now: 50 }),
    ).toEqual([{ type: 'LeaseRenewed', data: { replica: 'a', leaseUntil: 200 } }]);
    refused(given(queued, started), { type: 'Renew', replica: 'b', leaseUntil: 200, now: 50 });
  });

  it('starts stages in order, one at a time, and none before the run has started', () => {
    const start = (stage: number) => ({
      type: 'StartStage' as const,
      stage,
      executions: planned,
      now: 2,
    });
    refused(given(queued), start(0));
    refused(given(queued, started), start(1));
    expect(when(given(queued, started), start(0))).toEqual([stage0]);
    refused(given(queued, started, stage0), start(1));
    refused(given(queued, started, stage0), { type: 'StartExecution', stage: 0, index: 2, now: 3 });
  });

  it("never starts the same execution (run, stage, index) twice; its start names the child's Update", () => {
    const stage = given(queued, started, stage0);
    expect(
      when(stage, { type: 'StartExecution', stage: 0, index: 0, now: 3, updateId: 'child' }),
    ).toEqual([deployStarted]);
    const starting = given(queued, started, stage0, deployStarted);
    refused(starting, { type: 'StartExecution', stage: 0, index: 0, now: 4, updateId: 'again' });
    if (starting.status !== 'Active') throw new Error('no run');
    expect(unfinishedExecutions(starting.run)).toEqual([
      { stage: 0, index: 0, startedAt: 3, updateId: 'child' },
    ]);
    expect(
      when(stage, { type: 'StartExecution', stage: 0, index: 1, now: 3 }).map((e) => e.data),
    ).toEqual([{ stage: 0, index: 1, ts: 3 }]);
  });

  it('reads the child of a run recorded before starts named it, from ExecutionAttached', () => {
    const before: ProcedureRunEvent = {
      type: 'ExecutionStarted',
      data: { stage: 0, index: 0, ts: 3 },
    };
    const state = given(queued, started, stage0, before, deployAttached);
    if (state.status !== 'Active') throw new Error('no run');
    expect(unfinishedExecutions(state.run)).toEqual([
      { stage: 0, index: 0, startedAt: 3, updateId: 'child' },
    ]);
  });

  it('finishes a stage once its started executions have finished', () => {
    const state = given(queued, started, stage0, deployStarted);
    refused(state, { type: 'FinishStage', success: true, now: 3 });
    const finished = when(state, { type: 'FinishExecution', stage: 0, index: 0, success: false });
    expect(finished).toEqual([
      {
        type: 'ExecutionFinished',
        data: { stage: 0, index: 0, updateId: 'child', success: false },
      },
    ]);
    const after = given(queued, started, stage0, deployStarted, ...finished);
    expect(when(after, { type: 'FinishExecution', stage: 0, index: 0, success: false })).toEqual(
      [],
    );
    expect(when(after, { type: 'FinishStage', success: false, now: 3 })).toEqual([
      { type: 'StageFinished', data: { stage: 0, success: false, ts: 3 } },
    ]);
  });

  it('ends an execution that never started only failed, in its running stage, saying why', () => {
    const stage = given(queued, started, stage0);
    const why = { type: 'FinishExecution' as const, stage: 0, index: 1, success: false, ts: 4 };
    expect(when(stage, { ...why, error: 'refused' })).toEqual([
      {
        type: 'ExecutionFinished',
        data: { stage: 0, index: 1, success: false, ts: 4, error: 'refused' },
      },
    ]);
    refused(stage, why);
    refused(stage, { ...why, success: true, error: 'refused' });
    refused(stage, { ...why, index: 2, error: 'refused' });
    const ended = given(queued, started, stage0, ...when(stage, { ...why, error: 'refused' }));
    if (ended.status !== 'Active') throw new Error('no run');
    expect(ended.run.executions).toEqual([{ stage: 0, index: 1, startedAt: 4, success: false }]);
  });

  it('ends once, saying where it failed or was interrupted', () => {
    const state = given(queued, started, stage0);
    const end = {
      type: 'Finish' as const,
      now: 9,
      success: false as const,
      interrupted: { stage: 0 },
      reason: 'no replica resumed it within 1000 ms',
    };
    const events = when(state, end);
    expect(events).toEqual([
      {
        type: 'RunFinished',
        data: { success: false, interrupted: { stage: 0 }, reason: end.reason, ts: 9 },
      },
    ]);
    const ended = given(queued, started, stage0, ...events);
    expect(ended.status === 'Active' && ended.run).toMatchObject({
      status: 'Finished',
      success: false,
      finishedAt: 9,
    });
    refused(ended, end);
    refused(ended, {
      type: 'Take',
      replica: 'a',
      leaseUntil: 1000,
      now: 10,
    });
  });

  describe('several commands at once', () => {
    const whenAll = (state: ProcedureRunState, commands: ProcedureRunCommand[]) =>
      procedureRunCommandsDecider.decide(state, commands);
    const { type: _t, data } = queued;

    it('queues and takes the run as one RunQueued naming its owner', () => {
      const events = whenAll(given(), [
        { type: 'Queue', ...data },
        { type: 'Take', replica: 'a', leaseUntil: 100, now: 1 },
      ]);
      expect(events).toEqual([
        { type: 'RunQueued', data: { ...data, owner: { replica: 'a', leaseUntil: 100 } } },
      ]);
      // The same run as the events apart give (as runs recorded before wrote them).
      expect(given(...events)).toEqual(given(queued, started));
    });

    it('starts a stage with the executions it sends at once as one StageStarted naming them', () => {
      const running = given(queued, started);
      const events = whenAll(running, [
        { type: 'StartStage', stage: 0, executions: planned, now: 2 },
        { type: 'StartExecution', stage: 0, index: 0, now: 2, updateId: 'child' },
        { type: 'StartExecution', stage: 0, index: 1, now: 2 },
      ]);
      expect(events).toEqual([stageStartedWithBoth]);
      const apart: ProcedureRunEvent[] = [
        stage0,
        { type: 'ExecutionStarted', data: { stage: 0, index: 0, ts: 2, updateId: 'child' } },
        { type: 'ExecutionStarted', data: { stage: 0, index: 1, ts: 2 } },
      ];
      expect(events.reduce(procedureRunDecider.evolve, running)).toEqual(
        apart.reduce(procedureRunDecider.evolve, running),
      );
      // Started twice is refused whichever form recorded the start.
      expect(() =>
        whenAll(given(queued, started, ...events), [
          { type: 'StartExecution', stage: 0, index: 0, now: 3, updateId: 'again' },
        ]),
      ).toThrow(DomainError);
    });

    it('keeps an execution started later than its stage apart', () => {
      expect(
        whenAll(given(queued, started), [
          { type: 'StartStage', stage: 0, executions: planned, now: 2 },
          { type: 'StartExecution', stage: 0, index: 0, now: 3, updateId: 'child' },
        ]),
      ).toEqual([stage0, deployStarted]);
    });

    it('ends the executions, the stage and the run as one RunFinished carrying them', () => {
      const sleepStarted: ProcedureRunEvent = {
        type: 'ExecutionStarted',
        data: { stage: 0, index: 1, ts: 3 },
      };
      const running = given(queued, started, stage0, deployStarted, sleepStarted);
      const events = whenAll(running, [
        { type: 'FinishExecution', stage: 0, index: 0, success: true },
        { type: 'FinishExecution', stage: 0, index: 1, success: false },
        { type: 'FinishStage', success: false, now: 4 },
        { type: 'Finish', success: false, failed: { stage: 0, execution: 1 }, reason: 'r', now: 5 },
      ]);
      expect(events).toEqual([
        {
          type: 'RunFinished',
          data: {
            success: false,
            failed: { stage: 0, execution: 1 },
            reason: 'r',
            ts: 5,
            stageFinished: { stage: 0, success: false },
            executionsFinished: [
              { stage: 0, index: 0, success: true, updateId: 'child' },
              { stage: 0, index: 1, success: false },
            ],
          },
        },
      ]);
      // The same run as the events apart give (as runs recorded before wrote them).
      const apart: ProcedureRunEvent[] = [
        {
          type: 'ExecutionFinished',
          data: { stage: 0, index: 0, success: true, updateId: 'child' },
        },
        { type: 'ExecutionFinished', data: { stage: 0, index: 1, success: false } },
        { type: 'StageFinished', data: { stage: 0, success: false, ts: 4 } },
        {
          type: 'RunFinished',
          data: { success: false, failed: { stage: 0, execution: 1 }, reason: 'r', ts: 5 },
        },
      ];
      expect(events.reduce(procedureRunDecider.evolve, running)).toEqual(
        apart.reduce(procedureRunDecider.evolve, running),
      );
    });

    it('leaves a stage end followed by the next stage start as they are', () => {
      const events = whenAll(given(queued, started, stage0, deployStarted), [
        { type: 'FinishExecution', stage: 0, index: 0, success: true },
        { type: 'FinishStage', success: true, now: 4 },
        { type: 'StartStage', stage: 1, executions: [], now: 4 },
      ]);
      expect(events.map((e) => e.type)).toEqual([
        'ExecutionFinished',
        'StageFinished',
        'StageStarted',
      ]);
    });

    it('decides none when one is refused: the stage cannot end while an execution runs', () => {
      expect(() =>
        whenAll(given(queued, started, stage0, deployStarted), [
          { type: 'StartExecution', stage: 0, index: 1, now: 3 },
          { type: 'FinishExecution', stage: 0, index: 1, success: true },
          { type: 'FinishStage', success: true, now: 4 },
        ]),
      ).toThrow(DomainError);
    });
  });
});
