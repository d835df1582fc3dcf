import type { DomainEvent } from '../../shared/domain-event';
import { failedLog } from '../../updates/failed-log';
import type { ExecutionLog, UpdateEvent } from '../../updates/update';
import type {
  ExecutionEnd,
  PlannedExecution,
  ProcedureRun,
  ProcedureRunEvent,
  ProcedureRunState,
} from './procedure-run';

/**
 * A run's Update, as its stream tells it: the events its `update-<id>` stream would hold, for
 * the read side to fold as it folds any Update's. Only for runs queued with `projectedUpdate`
 * (runs recorded before wrote their Update apart). `queued`: whether another run of the
 * procedure was unfinished as this one was queued (it then starts Queued, and runs once its
 * first stage starts). Its logs are written as the run's stream records its executions' ends:
 * one per execution, then why the run failed, if it did.
 */
export function runUpdateEvents(
  before: ProcedureRunState,
  event: DomainEvent,
  queued: boolean,
): UpdateEvent[] {
  const e = event as ProcedureRunEvent;
  if (e.type === 'RunQueued') {
    if (!e.data.projectedUpdate) return [];
    const { updateId: id, procedureId, ts } = e.data;
    const target = { type: 'Procedure', id: procedureId };
    return [{ type: 'UpdateStarted', data: { id, operation: 'RunProcedure', target, queued, ts } }];
  }
  if (before.status !== 'Active' || !before.run.projectedUpdate) return [];
  const run = before.run;
  switch (e.type) {
    case 'StageStarted':
      return run.stage === undefined ? [{ type: 'UpdateRunning', data: { ts: e.data.ts } }] : [];
    case 'ExecutionFinished':
      return [logged(executionLog(run, e.data, e.data.ts ?? 0))];
    case 'RunFinished': {
      const { ts, success } = e.data;
      const logs = (e.data.executionsFinished ?? []).map((end) => executionLog(run, end, ts));
      const why = endLog(e.data);
      if (why) logs.push(why);
      return [...logs.map(logged), { type: 'UpdateCompleted', data: { success, ts } }];
    }
    default:
      return [];
  }
}

/** How the run's Update names an execution's log: its stage, its place, its type. */
export function executionLabel(run: ProcedureRun, stage: number, planned: PlannedExecution) {
  return `Stage ${stage + 1} '${run.stages[stage].name}', execution ${planned.configured + 1}: ${planned.type}`;
}

/** What the run's Update says of a child that ended: its Update, and how it ended. */
export function childOutcome(updateId: string, success: boolean): string {
  return `Update ${updateId}: ${success ? 'succeeded' : 'failed'}`;
}

function logged(log: ExecutionLog): UpdateEvent {
  return { type: 'UpdateLogAppended', data: { log } };
}

function executionLog(run: ProcedureRun, end: ExecutionEnd, endTs: number): ExecutionLog {
  const planned = run.plan[end.index];
  const started = run.executions.find((x) => x.stage === end.stage && x.index === end.index);
  const ts = end.ts ?? endTs;
  const output = { stdout: '', stderr: '' };
  const updateId = end.updateId ?? started?.updateId;
  if (end.error) output.stderr = end.error;
  else if (updateId) {
    output.stdout = childOutcome(updateId, end.success);
    if (!end.success) output.stderr = output.stdout;
  } else if (!end.success) output.stderr = `${planned?.type ?? 'the execution'} failed`;
  else if (planned?.type === 'Sleep')
    output.stdout = `slept ${Number(planned.params.duration_ms ?? 0)} ms`;
  return {
    stage: planned ? executionLabel(run, end.stage, planned) : `Stage ${end.stage + 1}`,
    command: planned ? `${planned.type} ${JSON.stringify(planned.params)}` : '',
    ...output,
    success: end.success,
    start_ts: started?.startedAt ?? ts,
    end_ts: ts,
  };
}

/** Why a run ended failed, as its Update's last log. */
function endLog(end: Extract<ProcedureRunEvent, { type: 'RunFinished' }>['data']) {
  if (end.success) return undefined;
  if ('failed' in end) return failedLog('Procedure Failed', `the procedure ${end.reason}`, end.ts);
  if ('cancelled' in end)
    return failedLog('Procedure Cancelled', `the procedure was ${end.reason}`, end.ts);
  return failedLog('interrupted', end.reason, end.ts);
}
