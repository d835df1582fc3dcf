import { conflict } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** The cancel that stops an execution, and the kind of resource both run on. */
export interface CancelledBy {
  /** The cancel's operation, as its Update names it: `CancelBuild`, `CancelRepoBuild`. */
  operation: string;
  /** The target's type: `Build`, `Repo`. */
  target: string;
}

/**
 * The cancellable executions this process runs now, by target id. A cancel, whichever replica
 * takes it, shows in every replica's read model as an Update: the one running that target's
 * execution aborts it. An execution runs one at a time per target (the runner's queue), so one
 * entry each.
 */
export class RunningExecutions {
  private readonly running = new Map<string, AbortController>();
  private readonly unsubscribe: () => void;

  constructor(
    readModel: ReadModel,
    private readonly cancel: CancelledBy,
  ) {
    this.unsubscribe = readModel.onUpdate((update) => {
      if (update.operation !== cancel.operation || update.status === 'Complete') return;
      if (update.target.type !== cancel.target) return;
      this.running.get(update.target.id)?.abort();
    });
  }

  /** Marks the target's execution as running until `end` is called; its signal aborts on a cancel. */
  begin(targetId: string): { signal: AbortSignal; end: () => void } {
    if (this.running.has(targetId))
      throw conflict(`${this.cancel.target} '${targetId}' is already running here`);
    const controller = new AbortController();
    this.running.set(targetId, controller);
    return {
      signal: controller.signal,
      end: () => {
        if (this.running.get(targetId) === controller) this.running.delete(targetId);
      },
    };
  }

  /** Stops listening (Nest calls it when the module closes). */
  onModuleDestroy(): void {
    this.unsubscribe();
  }
}

/** Resolves to whether the Update completed within `ms` (a cancel waits for what it stops). */
export function whenCompleted(
  readModel: ReadModel,
  updateId: string,
  ms: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const done = () => readModel.update(updateId)?.status === 'Complete';
    if (done()) return resolve(true);
    const timer = setTimeout(() => finish(false), ms);
    const unsubscribe = readModel.onUpdate((update) => {
      if (update.id === updateId && done()) finish(true);
    });
    const finish = (completed: boolean) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(completed);
    };
  });
}
