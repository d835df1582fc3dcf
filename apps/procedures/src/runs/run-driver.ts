import {
  describePlace,
  type PlannedExecution,
  type ProcedureRun,
  type ProcedureRunCommand,
} from '@monitor/domain';
import { StageFailed, type ExecutionContext, type StageOutput } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import type { ChildExecution } from './child-execution';
import type { RunStream } from './run-stream';
import { planStage } from './stage-plan';
import { sleep } from './abortable-sleep';
import { written, type Pending } from './pending-writes';
import { childOutput, executionCommand, executionLabel } from './execution-logs';
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

/** How one execution ended, and whether the run's stream has it started (so must finish it). */
interface Outcome {
  success: boolean;
  started: boolean;
}

/**
 * Drives a run from where its stream stands: stages in order, a stage's executions at once.
 * A started execution is waited for, never started again; a failed one fails its stage once its
 * siblings have finished, and no later stage starts. Ends the run's stream; a failure or a cancel
 * throws StageFailed, which fails the run's Update.
 *
 * Few appends: a stage starts with the executions it can send in one; its executions' ends are
 * written with the stage's end, and that with the next stage's start or the run's end. A restart
 * in between loses nothing: a started execution is re-attached to its Update, which says how it
 * ended.
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
    /** What is decided and not yet written: written with the next append. */
    let pending: Pending = { commands: [], logs: [] };
    const first = run.stageRunning ? run.stage! : (run.stage ?? -1) + 1;
    for (let stage = first; stage < run.stages.length; stage++) {
      if (signal.aborted) return this.cancelled(driven, run, pending);
      const fresh = new Set<number>();
      // Only the first stage can be one already running: a resumed run's.
      if (stage !== first || !run.stageRunning) {
        const config = run.stages[stage];
        const executions = config.enabled
          ? planStage(this.readModel, this.access, run.starter.userId, config)
          : [];
        const now = Date.now();
        const starts = executions.flatMap((planned, index) =>
          this.startable(run, planned) ? [startOf(stage, index, planned, now)] : [],
        );
        run = await written(
          pending,
          stream.apply(
            ...pending.commands,
            { type: 'StartStage', stage, executions, now },
            ...starts,
          ),
        );
        pending = { commands: [], logs: [] };
        for (const { index } of starts) fresh.add(index);
      }
      const current = run;
      // The last stage's last execution to end is logged with the Update's completion: the
      // run's end then costs one append of its Update rather than two.
      let running = current.plan.length;
      const last = stage === run.stages.length - 1;
      const ending = () => {
        if (--running === 0 && last) driven.ctx.holdLogs();
      };
      const executions = current.plan.map((planned, index) =>
        this.execution({ ...driven, run: current }, index, planned, fresh.has(index), ending),
      );
      const outcomes = await Promise.all(executions.map((x) => x.outcome));
      const failed = outcomes.findIndex((x) => !x.success);
      pending = {
        commands: [
          ...outcomes.flatMap(({ started, success }, index) =>
            started ? [{ type: 'FinishExecution' as const, stage, index, success }] : [],
          ),
          { type: 'FinishStage', success: failed < 0, now: Date.now() },
        ],
        logs: executions.map((x) => x.logged),
      };
      // A cancel fails what it cuts short: the run says it was cancelled, not that it failed.
      if (failed >= 0 && signal.aborted) return this.cancelled(driven, run, pending);
      if (failed >= 0) {
        const where = { stage, execution: failed };
        const reason = `failed ${describePlace(current, where)}`;
        await written(
          pending,
          stream.apply(...pending.commands, {
            type: 'Finish',
            success: false,
            failed: where,
            reason,
            now: Date.now(),
          }),
        );
        return this.end(driven.ctx, 'Procedure Failed', `the procedure ${reason}`);
      }
    }
    if (signal.aborted) return this.cancelled(driven, run, pending);
    await written(
      pending,
      stream.apply(...pending.commands, { type: 'Finish', success: true, now: Date.now() }),
    );
  }

  /** Whether a stage starting now may record the execution started (its user may send it). */
  private startable(run: ProcedureRun, planned: PlannedExecution): boolean {
    if (planned.type === 'None' || planned.type === 'Sleep') return true;
    try {
      this.access.sendable(run.starter.userId, planned.type, planned.params);
      return true;
    } catch {
      // Refused: run() refuses it again, and the refusal is logged there.
      return false;
    }
  }

  private async cancelled(
    { stream, ctx }: DrivenRun,
    run: ProcedureRun,
    pending: Pending,
  ): Promise<never> {
    const where = run.stage === undefined ? null : { stage: run.stage };
    const reason = `cancelled ${describePlace(run, where)}`;
    await written(
      pending,
      stream.apply(...pending.commands, {
        type: 'Finish',
        success: false,
        cancelled: where,
        reason,
        now: Date.now(),
      }),
    );
    return this.end(ctx, 'Procedure Cancelled', `the procedure was ${reason}`);
  }

  /** Logs why the run ended failed, which fails its Update. */
  private async end(ctx: ExecutionContext, stage: string, reason: string): Promise<never> {
    await ctx.stage(stage, '', async () => ({ stderr: reason, success: false }));
    throw new StageFailed(stage, reason);
  }

  /**
   * One execution: `outcome` once it has ended, `logged` once the run's Update has its log.
   * The run's stream is written while the log is (they are not one append: other streams), so
   * the run waits for one append rather than two in turn. `fresh`: its start was written as its
   * stage started, by this driver. `ending`: called as it ends, before its log is written.
   */
  private execution(
    driven: DrivenRun,
    index: number,
    planned: PlannedExecution,
    fresh: boolean,
    ending: () => void,
  ): { outcome: Promise<Outcome>; logged: Promise<void> } {
    const { run, ctx } = driven;
    const stage = run.stage!;
    const label = executionLabel(run, stage, planned);
    const outcome: Outcome = {
      success: true,
      started: run.executions.some((x) => x.stage === stage && x.index === index),
    };
    let ended!: (outcome: Outcome) => void;
    const ends = new Promise<Outcome>((resolve) => (ended = resolve));
    const work = async () => {
      try {
        const output = await this.run(driven, index, planned, fresh, outcome);
        outcome.success = output.success ?? true;
        return output;
      } catch (error) {
        outcome.success = false;
        throw error;
      } finally {
        ending();
        ended(outcome);
      }
    };
    const logged = ctx.stage(label, executionCommand(planned), work).then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof StageFailed)) throw error;
      },
    );
    // Its log failing fails the run where the logs are waited for; never unhandled before.
    logged.catch(() => undefined);
    return { outcome: ends, logged };
  }

  private async run(
    { run, stream, signal, cancel, meta }: DrivenRun,
    index: number,
    planned: PlannedExecution,
    fresh: boolean,
    outcome: Outcome,
  ): Promise<StageOutput> {
    const stage = run.stage!;
    const known = run.executions.find((x) => x.stage === stage && x.index === index);
    if (known?.success !== undefined)
      return { stdout: known.updateId ?? '', success: known.success };
    /** Started by a process before this one. */
    const resumed = fresh ? undefined : known;
    const internal = planned.type === 'None' || planned.type === 'Sleep';
    const sendable = internal
      ? undefined
      : this.access.sendable(run.starter.userId, planned.type, planned.params);
    let started = known;
    if (!started) {
      if (signal.aborted)
        return { stderr: 'the procedure was cancelled before it started', success: false };
      const start = startOf(stage, index, planned, Date.now());
      await stream.apply(start);
      outcome.started = true;
      started = { stage, index, startedAt: start.now, updateId: start.updateId };
    }
    if (planned.type === 'None') return {};
    if (planned.type === 'Sleep') {
      const ms = Number(planned.params.duration_ms ?? 0);
      const slept = await sleep(started.startedAt + ms - Date.now(), signal);
      // Cut short as this process stops or loses the run: not a cancel, and not this process's
      // to log; the replica that resumes the run sleeps what is left.
      if (!slept && !cancel.aborted) return new Promise<never>(() => undefined);
      return slept
        ? { stdout: `slept ${ms} ms` }
        : { stderr: 'cancelled while sleeping', success: false };
    }
    const updateId = started.updateId;
    // Started by a process that stopped before sending it: not sent now, it could run twice.
    if (!updateId || (resumed && !(await this.children.sent(updateId))))
      return { stderr: 'interrupted as it started: not started again', success: false };
    if (!resumed) await this.children.start(run, sendable!, planned.params, meta, updateId);
    const child = await this.children.wait(updateId, cancel, meta);
    return childOutput(updateId, child.success);
  }
}

/** An execution's start: one sent to a service names the Update its child will have. */
function startOf(
  stage: number,
  index: number,
  planned: PlannedExecution,
  now: number,
): Extract<ProcedureRunCommand, { type: 'StartExecution' }> {
  const internal = planned.type === 'None' || planned.type === 'Sleep';
  const start = { type: 'StartExecution' as const, stage, index, now };
  return internal ? start : { ...start, updateId: newId() };
}
