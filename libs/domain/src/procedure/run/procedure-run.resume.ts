import type { ProcedureRun, RunPlace } from './procedure-run';

/**
 * What a replica does with a run whose Update it finds unfinished (on start-up, or as it looks
 * again): leave it to the replica whose lease holds, resume it, or end it as interrupted once it
 * has been ownerless past the resume window. A run's Update is its stream's projection, complete
 * as the run ends; a run recorded before wrote it apart, completed by its driver just after the
 * run's end: only a lease after that end is it left to another (`complete`), or both would.
 */
export type ResumeDecision =
  | { action: 'leave' }
  | { action: 'complete' }
  | { action: 'resume' }
  | { action: 'interrupt'; where: RunPlace | null; reason: string };

export function decideResume(
  run: ProcedureRun,
  {
    replica,
    now,
    resumeWindowMs,
    leaseMs,
  }: { replica: string; now: number; resumeWindowMs: number; leaseMs: number },
): ResumeDecision {
  if (run.status === 'Finished')
    return now - (run.finishedAt ?? 0) < leaseMs ? { action: 'leave' } : { action: 'complete' };
  const owner = run.owner;
  if (owner && owner.replica !== replica && owner.leaseUntil > now) return { action: 'leave' };
  const ownerless = owner ? now - owner.leaseUntil : 0;
  if (ownerless <= resumeWindowMs) return { action: 'resume' };
  return { action: 'interrupt', ...interruption(run, resumeWindowMs) };
}

/** Where an abandoned run stands, and why it ends there. */
export function interruption(
  run: ProcedureRun,
  resumeWindowMs: number,
): { where: RunPlace | null; reason: string } {
  const where = runPlace(run);
  const reason = `interrupted ${describePlace(run, where)}: no replica resumed it within ${resumeWindowMs} ms`;
  return { where, reason };
}

/** Where a run stands: its current stage, and the first execution of it not finished. */
export function runPlace(run: ProcedureRun): RunPlace | null {
  if (run.stage === undefined) return null;
  if (!run.stageRunning) return { stage: run.stage };
  const running = run.executions.find((x) => x.stage === run.stage && x.success === undefined);
  return running ? { stage: run.stage, execution: running.index } : { stage: run.stage };
}

/** `at stage 'deploy' (1), execution 2 (Deploy)`, counting from 1 as a user does. */
export function describePlace(run: ProcedureRun, where: RunPlace | null): string {
  if (!where) return 'before its first stage';
  const stage = `at stage '${run.stages[where.stage]?.name ?? ''}' (${where.stage + 1})`;
  if (where.execution === undefined || run.stage !== where.stage) return stage;
  const planned = run.plan[where.execution];
  return `${stage}, execution ${(planned?.configured ?? where.execution) + 1} (${planned?.type ?? ''})`;
}
