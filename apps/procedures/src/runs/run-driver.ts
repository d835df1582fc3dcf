import {
  boundOutput,
  describePlace,
  type PlannedExecution,
  type ProcedureRun,
  type ProcedureRunCommand,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import type { ChildExecution } from './child-execution';
import type { RunStream } from './run-stream';
import { planStage } from './stage-plan';
import { sleep } from './abortable-sleep';
import type { StarterAccess } from './starter-access';

/**
 * What drives one run: its stream, and when to stop: `signal` fires on a cancel or as this
 * process stops (its stream then writes nothing more), `cancel` on a cancel only (running
 * children are then cancelled too).
 */
export interface DrivenRun {
  run: ProcedureRun;
  stream: RunStream;
  signal: AbortSignal;
  cancel: AbortSignal;
  meta: CommandMeta;
}

/**
 * How one execution ended, which the run's stream records (one that could not start too:
 * `error` says why); `written`, whether it has.
 */
interface Outcome {
  success: boolean;
  written: boolean;
  ts: number;
  error?: string;
}

/** What running an execution came to. */
interface Ran {
  success: boolean;
  error?: string;
}

/**
 * Drives a run from where its stream stands: stages in order, a stage's executions at once.
 * A started execution is waited for, never started again; a failed one fails its stage once its
 * siblings have finished, and no later stage starts. Ends the run's stream, failed on a failure
 * or a cancel: the run's Update is that stream's projection, its logs the executions' ends.
 *
 * Few appends: a stage starts with the executions it can send in one; an execution that ends
 * while its siblings run is written at once (its log shows then), the last with the stage's end,
 * and that with the next stage's start or the run's end. A restart in between loses nothing: a
 * started execution is re-attached to its Update, which says how it ended.
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
    let pending: ProcedureRunCommand[] = [];
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
        run = await stream.apply(
          ...pending,
          { type: 'StartStage', stage, executions, now },
          ...starts,
        );
        pending = [];
        for (const { index } of starts) fresh.add(index);
      }
      const current = run;
      let running = current.plan.length;
      const outcomes = await Promise.all(
        current.plan.map(async (planned, index) => {
          const ended = await this.execution(
            { ...driven, run: current },
            index,
            planned,
            fresh.has(index),
          );
          if (--running > 0) {
            await stream.apply(finishOf(stage, index, ended));
            ended.written = true;
          }
          return ended;
        }),
      );
      const failed = outcomes.findIndex((x) => !x.success);
      pending = [
        ...outcomes.flatMap((ended, index) =>
          ended.written ? [] : [finishOf(stage, index, ended)],
        ),
        { type: 'FinishStage', success: failed < 0, now: Date.now() },
      ];
      // A cancel fails what it cuts short: the run says it was cancelled, not that it failed.
      if (failed >= 0 && signal.aborted) return this.cancelled(driven, run, pending);
      if (failed >= 0) {
        const where = { stage, execution: failed };
        const reason = `failed ${describePlace(current, where)}`;
        await stream.apply(...pending, {
          type: 'Finish',
          success: false,
          failed: where,
          reason,
          now: Date.now(),
        });
        return;
      }
    }
    if (signal.aborted) return this.cancelled(driven, run, pending);
    await stream.apply(...pending, { type: 'Finish', success: true, now: Date.now() });
  }

  /** Whether a stage starting now may record the execution started (its user may send it). */
  private startable(run: ProcedureRun, planned: PlannedExecution): boolean {
    if (planned.type === 'None' || planned.type === 'Sleep') return true;
    try {
      this.access.sendable(run.starter.userId, planned.type, planned.params);
      return true;
    } catch {
      // Refused: run() refuses it again, and its end says why.
      return false;
    }
  }

  private async cancelled(
    { stream }: DrivenRun,
    run: ProcedureRun,
    pending: ProcedureRunCommand[],
  ): Promise<void> {
    const where = run.stage === undefined ? null : { stage: run.stage };
    const reason = `cancelled ${describePlace(run, where)}`;
    await stream.apply(...pending, {
      type: 'Finish',
      success: false,
      cancelled: where,
      reason,
      now: Date.now(),
    });
  }

  /** One execution, until it has ended: a failure to run it is its end, saying why. */
  private async execution(
    driven: DrivenRun,
    index: number,
    planned: PlannedExecution,
    fresh: boolean,
  ): Promise<Outcome> {
    let ran: Ran;
    try {
      ran = await this.run(driven, index, planned, fresh);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ran = { success: false, error: boundOutput(message) };
    }
    return { ...ran, written: false, ts: Date.now() };
  }

  private async run(
    { run, stream, signal, cancel, meta }: DrivenRun,
    index: number,
    planned: PlannedExecution,
    fresh: boolean,
  ): Promise<Ran> {
    const stage = run.stage!;
    const known = run.executions.find((x) => x.stage === stage && x.index === index);
    if (known?.success !== undefined) return { success: known.success };
    /** Started by a process before this one. */
    const resumed = fresh ? undefined : known;
    const internal = planned.type === 'None' || planned.type === 'Sleep';
    const sendable = internal
      ? undefined
      : this.access.sendable(run.starter.userId, planned.type, planned.params);
    let started = known;
    if (!started) {
      if (signal.aborted)
        return { success: false, error: 'the procedure was cancelled before it started' };
      const start = startOf(stage, index, planned, Date.now());
      await stream.apply(start);
      started = { stage, index, startedAt: start.now, updateId: start.updateId };
    }
    if (planned.type === 'None') return { success: true };
    if (planned.type === 'Sleep') {
      const ms = Number(planned.params.duration_ms ?? 0);
      const slept = await sleep(started.startedAt + ms - Date.now(), signal);
      // Cut short as this process stops or loses the run: not a cancel, and not this process's
      // to end; the replica that resumes the run sleeps what is left.
      if (!slept && !cancel.aborted) return new Promise<never>(() => undefined);
      return slept ? { success: true } : { success: false, error: 'cancelled while sleeping' };
    }
    const updateId = started.updateId;
    // Started by a process that stopped before sending it: not sent now, it could run twice.
    if (!updateId || (resumed && !(await this.children.sent(updateId))))
      return { success: false, error: 'interrupted as it started: not started again' };
    if (!resumed) await this.children.start(run, sendable!, planned.params, meta, updateId);
    const child = await this.children.wait(updateId, cancel, meta);
    return { success: child.success };
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

/** An execution's end, as the run's stream records it. */
function finishOf(stage: number, index: number, { success, ts, error }: Outcome) {
  const end = { type: 'FinishExecution' as const, stage, index, success, ts };
  return error ? { ...end, error } : end;
}
