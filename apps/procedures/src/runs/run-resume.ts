import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { decideResume, interruption, type ProcedureRun } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { systemMeta } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { ProcedureRuns } from './procedure-runs';
import { LegacyRunUpdate } from './legacy-run-update';
import { RunStream } from './run-stream';

const FAILED = 'the run ended failed';

/**
 * Runs nobody drives any more: looked for on start-up and every half lease. A run whose lease
 * has run out is taken and resumed where its stream stands (started executions re-attached to
 * their Updates, never started again); one ownerless past `[procedures] resume_window_ms` ends
 * interrupted, saying where. Either way the run's Update completes as its stream ends (it is
 * that stream's projection; a run recorded before, whose Update was written apart, has it
 * completed here: LegacyRunUpdate).
 */
@Injectable()
export class RunResume implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private looking?: Promise<void>;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly runs: ProcedureRuns,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.look();
    const every = Math.max(100, Math.floor(this.config.procedures.lease_ms / 2));
    this.timer = setInterval(() => void this.look(), every);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One look at every unfinished run (one look at a time). */
  look(): Promise<void> {
    this.looking ??= this.lookAll().finally(() => (this.looking = undefined));
    return this.looking;
  }

  private async lookAll(): Promise<void> {
    const unfinished = this.readModel.executions
      .unfinished()
      .filter((x) => x.operation === 'RunProcedure' && !this.runs.driving.has(x.id));
    for (const x of unfinished) {
      try {
        await this.resume(x.id, x.startTs);
      } catch (error) {
        console.error(`procedure run ${x.id} could not be resumed: ${(error as Error).message}`);
      }
    }
  }

  private async resume(id: string, startTs: number): Promise<void> {
    const meta = systemMeta();
    const state = await new RunStream(this.store, id, meta).read();
    const { lease_ms, resume_window_ms } = this.config.procedures;
    const legacy = new LegacyRunUpdate(this.store, id, meta);
    if (state.status !== 'Active') {
      // A run recorded before (its Update apart) whose service stopped before the run's record.
      if (Date.now() - startTs > lease_ms)
        await legacy.end(
          false,
          'interrupted',
          'interrupted: the service stopped before the run began',
        );
      return;
    }
    const run = state.run;
    const decision = decideResume(run, {
      replica: this.runs.replica,
      now: Date.now(),
      resumeWindowMs: resume_window_ms,
      leaseMs: lease_ms,
    });
    if (decision.action === 'leave' || this.runs.driving.has(id)) return;
    // A run's end completes its Update, unless the Update was written apart (runs before).
    if (decision.action === 'complete') {
      if (!run.projectedUpdate) await legacy.end(run.success ?? false, 'Procedure Failed', FAILED);
      return;
    }
    const lease = this.runs.lease(id, meta);
    const taken = await lease.take();
    if (decision.action === 'interrupt') {
      lease.end();
      const settled = await this.settle(taken, new RunStream(this.store, id, meta));
      const { where, reason } = interruption(settled, resume_window_ms);
      await new RunStream(this.store, id, meta).apply({
        type: 'Finish',
        success: false,
        interrupted: where,
        reason,
        now: Date.now(),
      });
      if (!taken.projectedUpdate) await legacy.end(false, 'interrupted', reason);
      return;
    }
    await this.runs.drive(taken, lease, meta);
    if (taken.projectedUpdate) return;
    // Left unfinished (its driver could not end it): resumed later, its Update with it.
    const ended = await new RunStream(this.store, id, meta).read();
    if (ended.status === 'Active' && ended.run.status === 'Finished')
      await legacy.end(ended.run.success === true, 'Procedure Failed', FAILED);
  }

  /** Records the end of the started executions whose Updates have completed meanwhile. */
  private async settle(run: ProcedureRun, stream: RunStream): Promise<ProcedureRun> {
    let settled = run;
    for (const x of run.executions) {
      const child =
        x.updateId && x.success === undefined ? this.readModel.update(x.updateId) : undefined;
      if (child?.status !== 'Complete') continue;
      const { stage, index } = x;
      settled = await stream.apply({
        type: 'FinishExecution',
        stage,
        index,
        success: child.success,
      });
    }
    return settled;
  }
}
