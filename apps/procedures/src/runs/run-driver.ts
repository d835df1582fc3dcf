import { describePlace, type PlannedExecution, type ProcedureRun } from '@monitor/domain';
import { StageFailed, type ExecutionContext, type StageOutput } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';
import type { ChildExecution } from './child-execution';
import type { RunStream } from './run-stream';
import { planStage } from './stage-plan';
import type { StarterAccess } from './starter-access';

/**
 * What drives one run: the run's Update (its log), its stream, and when to stop: `signal` fires
 * on a cancel or as this process stops (its stream then writes nothing more), `cancel` on a
 * cancel only (running children are then cancelled too).
 */
export interface DrivenRun {
  run: ProcedureRun;
  ctx: ExecutionContext;
  stream: RunStream;
  signal: AbortSignal;
  cancel: AbortSignal;
  meta: CommandMeta;
}

/**
 * Drives a run from where its stream stands: stages in order, a stage's executions at once.
 * A started execution is waited for, never started again; a failed one fails its stage once its
 * siblings have finished, and no later stage starts. Ends the run's stream; a failure or a cancel
 * throws StageFailed, which fails the run's Update.
 */
export class RunDriver {
  constructor(
    private readonly readModel: ReadModel,
    private readonly access: StarterAccess,
    private readonly children: ChildExecution,
  ) {}

  async drive(driven: DrivenRun): Promise<void> {
    const { stream, signal } = driven;
    let run = driven.run;
    const first = run.stageRunning ? run.stage! : (run.stage ?? -1) + 1;
    for (let stage = first; stage < run.stages.length; stage++) {
      if (signal.aborted) return this.cancelled(driven, run);
      if (!run.stageRunning) {
        const config = run.stages[stage];
        const executions = config.enabled
          ? planStage(this.readModel, this.access, run.starter.userId, config)
          : [];
        run = await stream.apply({ type: 'StartStage', stage, executions, now: Date.now() });
      }
      const current = run;
      const results = await Promise.all(
        current.plan.map((planned, index) =>
          this.execution({ ...driven, run: current }, index, planned),
        ),
      );
      const failed = results.indexOf(false);
      run = await stream.apply({ type: 'FinishStage', success: failed < 0, now: Date.now() });
      // A cancel fails what it cuts short: the run says it was cancelled, not that it failed.
      if (failed >= 0 && signal.aborted) return this.cancelled(driven, run);
      if (failed >= 0) {
        const where = { stage, execution: failed };
        const reason = `failed ${describePlace(current, where)}`;
        await stream.apply({
          type: 'Finish',
          success: false,
          failed: where,
          reason,
          now: Date.now(),
        });
        return this.end(driven.ctx, 'Procedure Failed', `the procedure ${reason}`);
      }
    }
    if (signal.aborted) return this.cancelled(driven, run);
    await stream.apply({ type: 'Finish', success: true, now: Date.now() });
  }

  private async cancelled({ stream, ctx }: DrivenRun, run: ProcedureRun): Promise<never> {
    const where = run.stage === undefined ? null : { stage: run.stage };
    const reason = `cancelled ${describePlace(run, where)}`;
    await stream.apply({
      type: 'Finish',
      success: false,
      cancelled: where,
      reason,
      now: Date.now(),
    });
    return this.end(ctx, 'Procedure Cancelled', `the procedure was ${reason}`);
  }

  /** Logs why the run ended failed, which fails its Update. */
  private async end(ctx: ExecutionContext, stage: string, reason: string): Promise<never> {
    await ctx.stage(stage, '', async () => ({ stderr: reason, success: false }));
    throw new StageFailed(stage, reason);
  }

  /** One execution, logged in the run's Update when it ends; answers whether it succeeded. */
  private async execution(driven: DrivenRun, index: number, planned: PlannedExecution) {
    const { run, ctx } = driven;
    const stage = run.stage!;
    const label = `Stage ${stage + 1} '${run.stages[stage].name}', execution ${planned.configured + 1}: ${planned.type}`;
    try {
      await ctx.stage(label, `${planned.type} ${JSON.stringify(planned.params)}`, () =>
        this.run(driven, index, planned),
      );
      return true;
    } catch (error) {
      if (error instanceof StageFailed) return false;
      throw error;
    }
  }

  private async run(
    { run, stream, signal, cancel, meta }: DrivenRun,
    index: number,
    planned: PlannedExecution,
  ): Promise<StageOutput> {
    const stage = run.stage!;
    const finish = (success: boolean) =>
      stream.apply({ type: 'FinishExecution', stage, index, success });
    const recorded = run.executions.find((x) => x.stage === stage && x.index === index);
    if (recorded?.success !== undefined)
      return { stdout: recorded.updateId ?? '', success: recorded.success };
    let started = recorded;
    const internal = planned.type === 'None' || planned.type === 'Sleep';
    const sendable = internal
      ? undefined
      : this.access.sendable(run.starter.userId, planned.type, planned.params);
    if (!started) {
      if (signal.aborted)
        return { stderr: 'the procedure was cancelled before it started', success: false };
      const now = Date.now();
      await stream.apply({ type: 'StartExecution', stage, index, now });
      started = { stage, index, startedAt: now };
    }
    if (planned.type === 'None') {
      await finish(true);
      return {};
    }
    if (planned.type === 'Sleep') {
      const ms = Number(planned.params.duration_ms ?? 0);
      const slept = await sleep(started.startedAt + ms - Date.now(), signal);
      await finish(slept);
      return slept
        ? { stdout: `slept ${ms} ms` }
        : { stderr: 'cancelled while sleeping', success: false };
    }
    let updateId = started.updateId;
    if (!updateId) {
      if (recorded) {
        // Started by a process that stopped before its Update was known: never sent again.
        await finish(false);
        return { stderr: 'interrupted as it started: not started again', success: false };
      }
      try {
        updateId = await this.children.start(run, sendable!, planned.params, meta);
      } catch (error) {
        await finish(false);
        throw error;
      }
      await stream.apply({ type: 'AttachExecution', stage, index, updateId });
    }
    const linked = await this.children.link(run, updateId, meta);
    const child = await this.children.wait(updateId, cancel, meta);
    await finish(child.success);
    const note = linked ? '' : ' (completed before it could name the run)';
    const outcome = `Update ${updateId}: ${child.success ? 'succeeded' : 'failed'}${note}`;
    return child.success
      ? { stdout: outcome }
      : { stdout: outcome, stderr: outcome, success: false };
  }
}

/** Waits `ms` (none when negative); false when the signal stopped it first. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(true), Math.max(0, ms));
    const abort = () => done(false);
    signal.addEventListener('abort', abort, { once: true });
    const done = (slept: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      resolve(slept);
    };
  });
}
