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
import { logEndedStage } from './execution-logs';
import { ResumedUpdate } from './resumed-update';
import { RunStream } from './run-stream';

/**
 * Runs nobody drives any more: looked for on start-up and every half lease. A run whose lease
 * has run out is taken and resumed where its stream stands (started executions re-attached to
 * their Updates, never started again); one ownerless past `[procedures] resume_window_ms` ends
 * interrupted, saying where. Either way the run's Update completes as its stream ends.
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
    const update = new ResumedUpdate(this.store, id, meta);
    const state = await new RunStream(this.store, id, meta).read();
    const { lease_ms, resume_window_ms } = this.config.procedures;
    if (state.status !== 'Active') {
      // Its service stopped between the Update and the run's record: nothing of it ran.
      if (Date.now() - startTs > lease_ms)
        await update.end('interrupted', 'interrupted: the service stopped before the run began');
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
    if (decision.action === 'complete') {
      await update.run(async (ctx) => {
        await logEndedStage(ctx, run);
        if (!run.success) throw new Error('the run ended failed before its Update was completed');
      });
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
      await update.end('interrupted', reason);
      return;
    }
    await update.run((ctx) => this.runs.drive(ctx, taken, lease, meta));
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
