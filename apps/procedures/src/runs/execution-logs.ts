import type { PlannedExecution, ProcedureRun, StartedExecution } from '@monitor/domain';
import { StageFailed, type ExecutionContext, type StageOutput } from '@monitor/executions';

/** How the run's Update names an execution's log: its stage, its place, its type. */
export function executionLabel(run: ProcedureRun, stage: number, planned: PlannedExecution) {
  return `Stage ${stage + 1} '${run.stages[stage].name}', execution ${planned.configured + 1}: ${planned.type}`;
}

/** The command an execution's log shows. */
export function executionCommand(planned: PlannedExecution): string {
  return `${planned.type} ${JSON.stringify(planned.params)}`;
}

/** What the run's Update says of a child that ended: its Update, and how it ended. */
export function childOutput(updateId: string, success: boolean): StageOutput {
  const said = `Update ${updateId}: ${success ? 'succeeded' : 'failed'}`;
  return success ? { stdout: said } : { stdout: said, stderr: said, success: false };
}

/**
 * Logs again, from the run's stream, the executions of the stage it ended in, as its driver
 * logged them: the last of them is logged with the Update's completion (holdLogs), so a stop
 * between the run's end and that completion loses its log. The Update's context tells nothing
 * twice (ResumedUpdate), so what was written is not written again.
 */
export async function logEndedStage(ctx: ExecutionContext, run: ProcedureRun): Promise<void> {
  const stage = run.stage;
  if (stage === undefined) return;
  for (const x of run.executions.filter((e) => e.stage === stage && e.success !== undefined)) {
    const planned = run.plan[x.index];
    if (!planned) continue;
    const output = endedOutput(planned, x);
    await ctx
      .stage(executionLabel(run, stage, planned), executionCommand(planned), async () => output)
      .catch((error: unknown) => {
        if (!(error instanceof StageFailed)) throw error;
      });
  }
}

function endedOutput(planned: PlannedExecution, x: StartedExecution): StageOutput {
  if (x.updateId) return childOutput(x.updateId, x.success!);
  if (planned.type === 'Sleep' && x.success)
    return { stdout: `slept ${Number(planned.params.duration_ms ?? 0)} ms` };
  return x.success ? {} : { stderr: `${planned.type} failed`, success: false };
}
