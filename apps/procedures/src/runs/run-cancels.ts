import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';

/**
 * The runs this process drives, each with the signal a CancelProcedure aborts. The cancel's
 * Update, whichever replica takes it, names the runs it stops (`other_data.runs`): every
 * replica's read model shows it, and the one driving a run stops it.
 */
@Injectable()
export class RunCancels implements OnModuleDestroy {
  private readonly running = new Map<string, AbortController>();
  /** Runs cancelled while they waited in the queue: they stop as soon as they start. */
  private readonly cancelled = new Set<string>();
  private readonly unsubscribe: () => void;

  constructor(@Inject(READ_MODEL) readModel: ReadModel) {
    this.unsubscribe = readModel.onUpdate((update) => {
      // A run that ended (here or elsewhere) has nothing left to stop.
      if (update.operation === 'RunProcedure' && update.status === 'Complete')
        this.cancelled.delete(update.id);
      if (update.operation !== 'CancelProcedure' || update.status === 'Complete') return;
      const runs = (JSON.parse(update.other_data ?? '{}') as { runs?: string[] }).runs ?? [];
      for (const run of runs) {
        const controller = this.running.get(run);
        if (controller) controller.abort();
        else this.cancelled.add(run);
      }
    });
  }

  /** The run's cancel signal until `end`. */
  begin(runId: string): { signal: AbortSignal; end: () => void } {
    const controller = new AbortController();
    if (this.cancelled.delete(runId)) controller.abort();
    this.running.set(runId, controller);
    return { signal: controller.signal, end: () => this.running.delete(runId) };
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }
}
