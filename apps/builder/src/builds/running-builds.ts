import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { conflict } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';

/**
 * The RunBuilds this process runs now, by Build id. A CancelBuild, whichever builder replica
 * takes it, shows in every replica's read model as an Update: the one running that Build aborts
 * it. A build runs one at a time per Build (the runner's queue), so one entry each.
 */
@Injectable()
export class RunningBuilds implements OnModuleDestroy {
  private readonly running = new Map<string, AbortController>();
  private readonly unsubscribe: () => void;

  constructor(@Inject(READ_MODEL) readModel: ReadModel) {
    this.unsubscribe = readModel.onUpdate((update) => {
      if (update.operation !== 'CancelBuild' || update.status === 'Complete') return;
      this.running.get(update.target.id)?.abort();
    });
  }

  /** Marks the build as running until `end` is called; its signal aborts on a cancel. */
  begin(buildId: string): { signal: AbortSignal; end: () => void } {
    if (this.running.has(buildId)) throw conflict(`a build of '${buildId}' is already running`);
    const controller = new AbortController();
    this.running.set(buildId, controller);
    return {
      signal: controller.signal,
      end: () => {
        if (this.running.get(buildId) === controller) this.running.delete(buildId);
      },
    };
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }
}
