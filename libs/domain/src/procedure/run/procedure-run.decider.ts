import { decideInTurn } from '../../shared/decide-in-turn';
import { conflict, notFound } from '../../shared/domain-error';
import type { DomainEvent } from '../../shared/domain-event';
import type {
  ExecutionEnd,
  ProcedureRun,
  ProcedureRunCommand,
  ProcedureRunEvent,
  ProcedureRunState,
  StartedExecution,
} from './procedure-run';

export function evolveProcedureRun(
  state: ProcedureRunState,
  event: DomainEvent,
): ProcedureRunState {
  const e = event as ProcedureRunEvent;
  if (e.type === 'RunQueued') {
    const { runId, procedureId, updateId, stages, starter, owner } = e.data;
    const run: ProcedureRun = {
      runId,
      procedureId,
      updateId,
      stages,
      starter,
      status: owner ? 'Running' : 'Queued',
      stageRunning: false,
      plan: [],
      executions: [],
    };
    if (owner) run.owner = { replica: owner.replica, leaseUntil: owner.leaseUntil };
    if (e.data.projectedUpdate) run.projectedUpdate = true;
    return { status: 'Active', run };
  }
  if (state.status !== 'Active') return state;
  const run = state.run;
  const next = (changes: Partial<ProcedureRun>): ProcedureRunState => ({
    status: 'Active',
    run: { ...run, ...changes },
  });
  switch (e.type) {
    case 'RunStarted':
    case 'LeaseRenewed':
      return next({
        status: 'Running',
        owner: { replica: e.data.replica, leaseUntil: e.data.leaseUntil },
      });
    case 'StageStarted': {
      const { stage, executions, ts, started = [] } = e.data;
      const starts = started.map(({ index, updateId }) => {
        const x: StartedExecution = { stage, index, startedAt: ts };
        if (updateId) x.updateId = updateId;
        return x;
      });
      return next({
        stage,
        plan: executions,
        stageRunning: true,
        executions: [...run.executions, ...starts],
      });
    }
    case 'ExecutionStarted': {
      const { stage, index, ts, updateId } = e.data;
      const started: StartedExecution = { stage, index, startedAt: ts };
      if (updateId) started.updateId = updateId;
      return next({ executions: [...run.executions, started] });
    }
    case 'ExecutionAttached':
      return next({
        executions: run.executions.map((x) =>
          x.stage === e.data.stage && x.index === e.data.index
            ? { ...x, updateId: e.data.updateId }
            : x,
        ),
      });
    case 'ExecutionFinished':
      return next({ executions: withEnds(run.executions, [e.data]) });
    case 'StageFinished':
      return next({ stageRunning: false });
    case 'RunFinished': {
      return next({
        executions: withEnds(run.executions, e.data.executionsFinished ?? []),
        stageRunning: e.data.stageFinished ? false : run.stageRunning,
        status: 'Finished',
        owner: undefined,
        success: e.data.success,
        finishedAt: e.data.ts,
      });
    }
    default:
      return state;
  }
}

/**
 * The rules a run keeps whichever replica drives it: one owner at a time (a lease, taken over
 * only once it has run out), stages in order, and an execution (run, stage, index) started at
 * most once, so a resumed run re-attaches to its Update rather than starting it again.
 */
export function decideProcedureRun(
  state: ProcedureRunState,
  command: ProcedureRunCommand,
): ProcedureRunEvent[] {
  if (command.type === 'Queue') {
    if (state.status !== 'Empty') throw conflict(`run ${command.runId} already exists`);
    const { type: _type, ...data } = command;
    return [{ type: 'RunQueued', data }];
  }
  if (state.status !== 'Active') throw notFound('procedure run not found');
  const run = state.run;
  if (run.status === 'Finished') throw conflict(`run ${run.runId} has finished`);
  switch (command.type) {
    case 'Take': {
      const owner = run.owner;
      if (owner && owner.replica !== command.replica && owner.leaseUntil > command.now)
        throw conflict(`run ${run.runId} is driven by ${owner.replica}`);
      const { replica, leaseUntil, now } = command;
      return [{ type: 'RunStarted', data: { replica, leaseUntil, ts: now } }];
    }
    case 'Renew': {
      ownedBy(run, command.replica);
      const { replica, leaseUntil } = command;
      return [{ type: 'LeaseRenewed', data: { replica, leaseUntil } }];
    }
    case 'StartStage': {
      running(run);
      const expected = run.stage === undefined ? 0 : run.stage + 1;
      if (run.stageRunning || command.stage !== expected || command.stage >= run.stages.length)
        throw conflict(`run ${run.runId}: stage ${command.stage} cannot start now`);
      const { stage, executions, now } = command;
      return [{ type: 'StageStarted', data: { stage, executions, ts: now } }];
    }
    case 'StartExecution': {
      running(run);
      if (!run.stageRunning || command.stage !== run.stage)
        throw conflict(`run ${run.runId}: stage ${command.stage} is not running`);
      if (command.index >= run.plan.length)
        throw conflict(
          `run ${run.runId}: stage ${command.stage} has no execution ${command.index}`,
        );
      if (find(run, command.stage, command.index))
        throw conflict(
          `run ${run.runId}: execution ${command.index} of stage ${command.stage} has started`,
        );
      const { stage, index, now, updateId } = command;
      const data = updateId ? { stage, index, ts: now, updateId } : { stage, index, ts: now };
      return [{ type: 'ExecutionStarted', data }];
    }
    case 'FinishExecution': {
      const { type: _type, ...end } = command;
      const started = find(run, end.stage, end.index);
      if (started?.success !== undefined) return [];
      // One that never started ends only failed, in its stage, naming why.
      if (!started && (end.success || !end.error || !planned(run, end.stage, end.index)))
        throw conflict(
          `run ${run.runId}: execution ${end.index} of stage ${end.stage} never started`,
        );
      const data: ExecutionEnd = started?.updateId ? { ...end, updateId: started.updateId } : end;
      return [{ type: 'ExecutionFinished', data }];
    }
    case 'FinishStage': {
      if (!run.stageRunning || run.stage === undefined)
        throw conflict(`run ${run.runId}: no stage is running`);
      if (run.executions.some((x) => x.stage === run.stage && x.success === undefined))
        throw conflict(`run ${run.runId}: stage ${run.stage} still runs executions`);
      return [
        {
          type: 'StageFinished',
          data: { stage: run.stage, success: command.success, ts: command.now },
        },
      ];
    }
    case 'Finish': {
      const { type: _type, now, ...end } = command;
      return [{ type: 'RunFinished', data: { ...end, ts: now } }];
    }
  }
}

/**
 * Several commands decided in turn, each on the state the one before leaves: their events are
 * one append (a stage's end and the run's, a stage's start and its executions'), and all or
 * none of them are decided. A run's end decided with its last stage's end and its executions'
 * is one RunFinished carrying them (`RunFinishedWith`): fewer events for every follower.
 */
export function decideProcedureRunCommands(
  state: ProcedureRunState,
  commands: ProcedureRunCommand[],
): ProcedureRunEvent[] {
  const events = decideInTurn(decideProcedureRun, evolveProcedureRun, state, commands);
  return withEndsInRunFinished(withStartsMerged(events));
}

/**
 * RunQueued then RunStarted as one RunQueued with its owner; StageStarted then the
 * ExecutionStarted of that moment as one StageStarted naming them.
 */
function withStartsMerged(events: ProcedureRunEvent[]): ProcedureRunEvent[] {
  const merged: ProcedureRunEvent[] = [];
  for (const e of events) {
    const last = merged.at(-1);
    if (last?.type === 'RunQueued' && e.type === 'RunStarted' && !last.data.owner) {
      const { replica, leaseUntil } = e.data;
      merged[merged.length - 1] = {
        ...last,
        data: { ...last.data, owner: { replica, leaseUntil } },
      };
    } else if (
      last?.type === 'StageStarted' &&
      e.type === 'ExecutionStarted' &&
      e.data.stage === last.data.stage &&
      e.data.ts === last.data.ts
    ) {
      const { index, updateId } = e.data;
      const start = updateId ? { index, updateId } : { index };
      const started = [...(last.data.started ?? []), start];
      merged[merged.length - 1] = { ...last, data: { ...last.data, started } };
    } else merged.push(e);
  }
  return merged;
}

/** `ExecutionFinished`s then `StageFinished` then `RunFinished`, as that one RunFinished. */
function withEndsInRunFinished(events: ProcedureRunEvent[]): ProcedureRunEvent[] {
  const end = events.at(-1);
  const stage = events.at(-2);
  if (end?.type !== 'RunFinished' || stage?.type !== 'StageFinished') return events;
  let first = events.length - 2;
  while (first > 0 && events[first - 1].type === 'ExecutionFinished') first--;
  const executionsFinished = events
    .slice(first, -2)
    .map((e) => (e as Extract<ProcedureRunEvent, { type: 'ExecutionFinished' }>).data);
  const data = {
    ...end.data,
    stageFinished: { stage: stage.data.stage, success: stage.data.success },
    ...(executionsFinished.length ? { executionsFinished } : {}),
  };
  return [...events.slice(0, first), { type: 'RunFinished', data }];
}

/** The executions started and not finished: what a resumed run waits for. */
export function unfinishedExecutions(run: ProcedureRun): StartedExecution[] {
  return run.executions.filter((x) => x.success === undefined);
}

function find(run: ProcedureRun, stage: number, index: number): StartedExecution | undefined {
  return run.executions.find((x) => x.stage === stage && x.index === index);
}

/** Whether the running stage plans that execution. */
function planned(run: ProcedureRun, stage: number, index: number): boolean {
  return run.stageRunning && run.stage === stage && index < run.plan.length;
}

/** The executions with these ends: a started one gets its outcome, an unstarted one is added. */
function withEnds(executions: StartedExecution[], ends: ExecutionEnd[]): StartedExecution[] {
  const ended = executions.map((x) => {
    const end = ends.find((y) => y.stage === x.stage && y.index === x.index);
    return end ? { ...x, success: end.success } : x;
  });
  for (const end of ends)
    if (!executions.some((x) => x.stage === end.stage && x.index === end.index))
      ended.push({
        stage: end.stage,
        index: end.index,
        startedAt: end.ts ?? 0,
        success: end.success,
      });
  return ended;
}

function running(run: ProcedureRun): void {
  if (run.status !== 'Running') throw conflict(`run ${run.runId} has not started`);
}

function ownedBy(run: ProcedureRun, replica: string): void {
  if (run.owner?.replica !== replica)
    throw conflict(`run ${run.runId} is no longer driven by ${replica}`);
}

export const procedureRunDecider = {
  initialState: (): ProcedureRunState => ({ status: 'Empty' }),
  evolve: evolveProcedureRun,
  decide: decideProcedureRun,
};

/** The same run, deciding several commands at once (decideProcedureRunCommands). */
export const procedureRunCommandsDecider = {
  initialState: procedureRunDecider.initialState,
  evolve: evolveProcedureRun,
  decide: decideProcedureRunCommands,
};
