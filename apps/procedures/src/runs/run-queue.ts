import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';

interface RunRef {
  id: string;
  operation: string;
  target: { type: string; id: string };
  status: string;
}

/**
 * Runs of one procedure, one at a time whichever replica drives them: in the order their
 * Updates started in the store (its positions, the same on every replica, unlike clocks). A
 * run's turn comes once no run of its procedure that started before it is unfinished (its
 * Update not Complete). Once the read model has applied a run's own start, it has applied every
 * earlier one: no replica can miss a run ahead of its own.
 */
@Injectable()
export class RunQueue implements OnModuleDestroy {
  /** The unfinished runs (their Update ids) of each procedure. */
  private readonly unfinished = new Map<string, Set<string>>();
  /** Who waits for a change to a procedure's runs. */
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly unsubscribe: () => void;

  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {
    // Listening, then looking, in one synchronous step: no Update changes between the two.
    this.unsubscribe = readModel.onUpdate((update) => this.seen(update));
    for (const x of readModel.executions.unfinished()) this.seen(x);
  }

  /** Whether a run of the procedure is unfinished: a new one then starts Queued. */
  busy(procedureId: string): boolean {
    return (this.unfinished.get(procedureId)?.size ?? 0) > 0;
  }

  /**
   * Resolves once the run may drive. Once `stop` has fired it never resolves: the run is left,
   * as it stands, for a replica to resume.
   */
  async turn(procedureId: string, runId: string, stop: AbortSignal): Promise<void> {
    for (;;) {
      if (stop.aborted) return new Promise<never>(() => undefined);
      const position = this.readModel.executions.startPosition(runId);
      if (position !== undefined && !this.ahead(procedureId, runId, position)) return;
      await this.change(procedureId, stop);
    }
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private ahead(procedureId: string, runId: string, position: number): boolean {
    for (const id of this.unfinished.get(procedureId) ?? []) {
      const started = this.readModel.executions.startPosition(id);
      if (id !== runId && started !== undefined && started < position) return true;
    }
    return false;
  }

  private seen(update: RunRef): void {
    if (update.operation !== 'RunProcedure' || update.target.type !== 'Procedure') return;
    const procedureId = update.target.id;
    const runs = this.unfinished.get(procedureId) ?? new Set<string>();
    if (update.status === 'Complete') runs.delete(update.id);
    else runs.add(update.id);
    if (runs.size) this.unfinished.set(procedureId, runs);
    else this.unfinished.delete(procedureId);
    const waiting = this.waiters.get(procedureId);
    this.waiters.delete(procedureId);
    for (const wake of waiting ?? []) wake();
  }

  /** The next change to the procedure's runs, or `stop`. */
  private change(procedureId: string, stop: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        stop.removeEventListener('abort', wake);
        this.waiters.get(procedureId)?.delete(wake);
        resolve();
      };
      stop.addEventListener('abort', wake, { once: true });
      const waiting = this.waiters.get(procedureId) ?? new Set();
      this.waiters.set(procedureId, waiting.add(wake));
    });
  }
}
