import type { DomainEvent } from '../../shared/domain-event';
import type { ProcedureStage } from '../procedure.config';

/** One run of a Procedure: stream `procedurerun-<runId>`, the record a restart resumes from. */
export const procedureRunStream = (runId: string) => `procedurerun-${runId}`;

/** How a run was started; a schedule or webhook acts as the user who last wrote the procedure. */
export interface RunStarter {
  by: 'user' | 'schedule' | 'webhook' | 'procedure';
  /** Whose permissions every execution is checked against. */
  userId: string;
  /** A nested run: the Update of the RunProcedure that started it. */
  parentUpdateId?: string;
}

/** Where a run stands: a stage, and an execution of it when one is meant. */
export interface RunPlace {
  stage: number;
  execution?: number;
}

/**
 * An execution as a stage runs it: its `Batch...` forms expanded at stage start, one per
 * resource picked, so that a resumed run runs what was picked then, not what matches now.
 */
export interface PlannedExecution {
  type: string;
  params: Record<string, unknown>;
  /** Its index among the stage's configured executions (how a user finds it). */
  configured: number;
}

export interface StartedExecution {
  stage: number;
  index: number;
  /** When it started; one that ended without starting (refused): when it ended. */
  startedAt: number;
  /**
   * The child's Update: named as the execution starts, before it is sent, so that a run resumed
   * after a crash finds the child whenever it was sent, and a second start of it is refused.
   * (Runs recorded before named none: theirs came later, in ExecutionAttached.)
   */
  updateId?: string;
  /** Unset while it runs. */
  success?: boolean;
}

export interface ProcedureRun {
  runId: string;
  procedureId: string;
  /** The run's own Update (operation RunProcedure). */
  updateId: string;
  /** Its Update is the projection of its stream (runUpdateEvents). */
  projectedUpdate?: true;
  /** The stages as they were when the run was queued: later edits do not change a run. */
  stages: ProcedureStage[];
  starter: RunStarter;
  status: 'Queued' | 'Running' | 'Finished';
  owner?: { replica: string; leaseUntil: number };
  /** The stage running, or the last one started. */
  stage?: number;
  /** What the current stage runs (its enabled executions, batches expanded). */
  plan: PlannedExecution[];
  stageRunning: boolean;
  executions: StartedExecution[];
  success?: boolean;
  /** When it finished: its driver completes its Update just after. */
  finishedAt?: number;
}

export type ProcedureRunState = { status: 'Empty' } | { status: 'Active'; run: ProcedureRun };

export type RunEnd =
  | { success: true }
  | { success: false; failed: Required<RunPlace>; reason: string }
  | { success: false; interrupted: RunPlace | null; reason: string }
  | { success: false; cancelled: RunPlace | null; reason: string };

export type ProcedureRunEvent =
  | DomainEvent<
      'RunQueued',
      {
        runId: string;
        procedureId: string;
        updateId: string;
        stages: ProcedureStage[];
        starter: RunStarter;
        ts: number;
        /** Taken as it was queued, in the same decision (else a RunStarted follows). */
        owner?: { replica: string; leaseUntil: number };
        /**
         * The run's Update is this stream's projection (runUpdateEvents), with no stream of its
         * own. Runs recorded before wrote their Update to `update-<id>` beside the run.
         */
        projectedUpdate?: true;
      }
    >
  | DomainEvent<'RunStarted', { replica: string; leaseUntil: number; ts: number }>
  | DomainEvent<'LeaseRenewed', { replica: string; leaseUntil: number }>
  | DomainEvent<
      'StageStarted',
      {
        stage: number;
        executions: PlannedExecution[];
        ts: number;
        /** Executions started with the stage, in the same decision (else ExecutionStarted each). */
        started?: { index: number; updateId?: string }[];
      }
    >
  | DomainEvent<'ExecutionStarted', { stage: number; index: number; ts: number; updateId?: string }>
  /** Written by runs recorded before ExecutionStarted named the child's Update. */
  | DomainEvent<'ExecutionAttached', { stage: number; index: number; updateId: string }>
  | DomainEvent<'ExecutionFinished', ExecutionEnd>
  | DomainEvent<'StageFinished', { stage: number; success: boolean; ts: number }>
  | DomainEvent<'RunFinished', RunEnd & { ts: number } & RunFinishedWith>;

/**
 * What a run's end carries when it was decided with the ends of its last stage and of that
 * stage's executions (one event rather than an ExecutionFinished each and a StageFinished).
 * Runs recorded before, and runs ended otherwise, have those events apart.
 */
export interface RunFinishedWith {
  stageFinished?: { stage: number; success: boolean };
  executionsFinished?: ExecutionEnd[];
}

/**
 * How an execution ended. `ts`: when (runs recorded before said it with the stage's end);
 * `error`: why it failed when its child's Update does not say (refused, never sent, cut short).
 * One that never started (refused) ends too, so its run's Update tells why.
 */
export interface ExecutionEnd {
  stage: number;
  index: number;
  success: boolean;
  updateId?: string;
  ts?: number;
  error?: string;
}

export type ProcedureRunCommand =
  | ({ type: 'Queue' } & Omit<Extract<ProcedureRunEvent, { type: 'RunQueued' }>['data'], 'owner'>)
  /** Taking the run: when queued, or when its owner's lease has run out (a resume). */
  | { type: 'Take'; replica: string; leaseUntil: number; now: number }
  | { type: 'Renew'; replica: string; leaseUntil: number; now: number }
  | { type: 'StartStage'; stage: number; executions: PlannedExecution[]; now: number }
  /** `updateId`: the Update its child will have (none for None and Sleep). */
  | { type: 'StartExecution'; stage: number; index: number; now: number; updateId?: string }
  | ({ type: 'FinishExecution' } & Omit<ExecutionEnd, 'updateId'>)
  | { type: 'FinishStage'; success: boolean; now: number }
  | ({ type: 'Finish'; now: number } & RunEnd);
