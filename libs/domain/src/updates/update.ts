import { conflict, notFound } from '../shared/domain-error';
import { decideInTurn } from '../shared/decide-in-turn';
import type { DomainEvent } from '../shared/domain-event';
import {
  appendBatch,
  emptyTail,
  splitLines,
  type OutputDropped,
  type OutputTail,
} from './stage-output';

// The caps and tails of a stage's output belong with the Update that keeps them.
export * from './stage-output';

/** The record of one execution (Deploy, PruneImages, ...): stream `update-<id>`. */
export const updateStream = (id: string) => `update-${id}`;

export type ExecutionStatus = 'Queued' | 'InProgress' | 'Complete';

export interface ExecutionTarget {
  type: string;
  id: string;
}

/** One stage of an execution, as Komodo's Log. */
export interface ExecutionLog {
  stage: string;
  command: string;
  stdout: string;
  stderr: string;
  success: boolean;
  start_ts: number;
  end_ts: number;
}

export interface Execution {
  id: string;
  operation: string;
  target: ExecutionTarget;
  status: ExecutionStatus;
  success: boolean;
  startTs: number;
  endTs?: number;
  logs: ExecutionLog[];
  /**
   * The output of the stage running now, as the agent streams it (masked, bounded): superseded
   * by the stage's log when it ends.
   */
  output?: RunningOutput;
  /** Free data of the operation (e.g. the deployed image and config for a rollback). */
  otherData?: Record<string, unknown>;
}

/** A running stage's output so far. */
export interface RunningOutput {
  stage: string;
  start_ts: number;
  stdout: OutputTail;
  stderr: OutputTail;
}

/** A batch of a running stage's output: whole lines, each with its newline, already masked. */
export interface OutputBatch {
  stage: string;
  stdout: string;
  stderr: string;
  ts: number;
  /** What each stream lost before the batch's lines (past the caps), when it lost any. */
  dropped?: { stdout?: OutputDropped; stderr?: OutputDropped };
}

export type ExecutionState = { status: 'Empty' } | { status: 'Active'; execution: Execution };

export type UpdateEvent =
  | DomainEvent<
      'UpdateStarted',
      { id: string; operation: string; target: ExecutionTarget; queued: boolean; ts: number }
    >
  | DomainEvent<'UpdateRunning', { ts: number }>
  | DomainEvent<'UpdateLogAppended', { log: ExecutionLog }>
  | DomainEvent<'UpdateOutputAppended', OutputBatch>
  | DomainEvent<'UpdateDataRecorded', { data: Record<string, unknown> }>
  | DomainEvent<'UpdateCompleted', { success: boolean; ts: number }>;

export type UpdateCommand =
  | {
      type: 'Start';
      id: string;
      operation: string;
      target: ExecutionTarget;
      queued: boolean;
      ts: number;
    }
  | { type: 'Run'; ts: number }
  | { type: 'AppendLog'; log: ExecutionLog }
  | ({ type: 'AppendOutput' } & OutputBatch)
  | { type: 'RecordData'; data: Record<string, unknown> }
  | { type: 'Complete'; success: boolean; ts: number };

export function evolveUpdate(state: ExecutionState, event: DomainEvent): ExecutionState {
  const e = event as UpdateEvent;
  if (e.type === 'UpdateStarted') {
    const { id, operation, target, queued, ts } = e.data;
    const status: ExecutionStatus = queued ? 'Queued' : 'InProgress';
    return {
      status: 'Active',
      execution: { id, operation, target, status, success: true, startTs: ts, logs: [] },
    };
  }
  if (state.status !== 'Active') return state;
  const x = state.execution;
  switch (e.type) {
    case 'UpdateRunning':
      return { status: 'Active', execution: { ...x, status: 'InProgress' } };
    case 'UpdateLogAppended':
      return {
        status: 'Active',
        execution: {
          ...x,
          output: undefined,
          logs: [...x.logs, e.data.log],
          success: x.success && e.data.log.success,
        },
      };
    case 'UpdateOutputAppended':
      return { status: 'Active', execution: { ...x, output: withOutput(x.output, e.data) } };
    case 'UpdateDataRecorded':
      return {
        status: 'Active',
        execution: { ...x, otherData: { ...x.otherData, ...e.data.data } },
      };
    case 'UpdateCompleted':
      return {
        status: 'Active',
        execution: {
          ...x,
          output: undefined,
          status: 'Complete',
          success: e.data.success,
          endTs: e.data.ts,
        },
      };
    default:
      return state;
  }
}

export function decideUpdate(state: ExecutionState, command: UpdateCommand): UpdateEvent[] {
  if (command.type === 'Start') {
    if (state.status !== 'Empty') throw conflict(`update ${command.id} already exists`);
    const { type: _type, ...data } = command;
    return [{ type: 'UpdateStarted', data }];
  }
  if (state.status !== 'Active') throw notFound('update not found');
  if (state.execution.status === 'Complete')
    throw conflict(`update ${state.execution.id} is already complete`);
  switch (command.type) {
    case 'Run':
      return state.execution.status === 'Queued'
        ? [{ type: 'UpdateRunning', data: { ts: command.ts } }]
        : [];
    case 'AppendLog':
      return [{ type: 'UpdateLogAppended', data: { log: command.log } }];
    case 'AppendOutput': {
      const { type: _type, ...batch } = command;
      return batch.stdout || batch.stderr ? [{ type: 'UpdateOutputAppended', data: batch }] : [];
    }
    case 'RecordData':
      return [{ type: 'UpdateDataRecorded', data: { data: command.data } }];
    case 'Complete':
      return [{ type: 'UpdateCompleted', data: { success: command.success, ts: command.ts } }];
  }
}

/** A batch added to the running stage's output; a batch of another stage starts afresh. */
function withOutput(output: RunningOutput | undefined, batch: OutputBatch): RunningOutput {
  const current =
    output?.stage === batch.stage
      ? output
      : { stage: batch.stage, start_ts: batch.ts, stdout: emptyTail(), stderr: emptyTail() };
  return {
    ...current,
    stdout: appendBatch(current.stdout, splitLines(batch.stdout), batch.dropped?.stdout),
    stderr: appendBatch(current.stderr, splitLines(batch.stderr), batch.dropped?.stderr),
  };
}

export const updateDecider = {
  initialState: (): ExecutionState => ({ status: 'Empty' }),
  evolve: evolveUpdate,
  decide: decideUpdate,
};

/**
 * Several commands decided in turn, each on the state the one before leaves: their events are
 * one append (an execution's last logs and its completion), all or none of them decided.
 */
export function decideUpdates(state: ExecutionState, commands: UpdateCommand[]): UpdateEvent[] {
  return decideInTurn(decideUpdate, evolveUpdate, state, commands);
}

/** The same Update, deciding several commands at once (decideUpdates). */
export const updateCommandsDecider = {
  initialState: updateDecider.initialState,
  evolve: evolveUpdate,
  decide: decideUpdates,
};
