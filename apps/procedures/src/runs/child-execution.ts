import { execSubject, type BusClient } from '@monitor/bus';
import type { ProcedureRun } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { completion, startExecution, updateStarted } from '@monitor/executions';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';
import type { Sendable } from './starter-access';

/** The executions a procedure can stop, and the cancel that stops each. */
const CANCELS: Record<string, string> = {
  RunBuild: 'CancelBuild',
  BuildRepo: 'CancelRepoBuild',
  RunProcedure: 'CancelProcedure',
  RunAction: 'CancelAction',
};

/**
 * A run's child execution: the ordinary request sent over the bus to the service that runs it,
 * as the run's user (via `procedure`), caused by the run's Update: so its Update names the run's
 * (`other_data.parent`) from its first event, with no write of its own.
 */
export class ChildExecution {
  constructor(
    private readonly bus: Pick<BusClient, 'request'>,
    private readonly readModel: ReadModel,
    private readonly store: EventStore,
    private readonly logger: (message: string) => void,
  ) {}

  /**
   * Sends it, its Update named `updateId` (its service refuses a second start of it); resolves
   * once the Update is visible here.
   */
  async start(
    run: ProcedureRun,
    sendable: Sendable,
    params: object,
    meta: CommandMeta,
    updateId: string,
  ): Promise<void> {
    await startExecution(
      { bus: this.bus, readModel: this.readModel },
      {
        kind: sendable.kind,
        execution: sendable.entry.name,
        params,
        meta: { ...childMeta(run, meta), updateId },
      },
    );
  }

  /** Whether the Update was started (by a process that may have stopped since). */
  sent(updateId: string): Promise<boolean> {
    return updateStarted(this.store, this.readModel, updateId);
  }

  /** Waits for the child's Update to complete; a cancel meanwhile cancels a child that can be. */
  async wait(updateId: string, signal: AbortSignal, meta: CommandMeta): Promise<UpdateRecord> {
    // A child that ended meanwhile has nothing to cancel; it is waited for all the same.
    const cancel = () =>
      void this.cancel(updateId, meta).catch((error: Error) =>
        this.logger(`could not cancel ${updateId}: ${error.message}`),
      );
    signal.addEventListener('abort', cancel, { once: true });
    try {
      if (signal.aborted) cancel();
      return await completion(this.readModel, updateId);
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  private async cancel(updateId: string, meta: CommandMeta): Promise<void> {
    const child = this.readModel.update(updateId);
    const execution = child && CANCELS[child.operation];
    if (!child || !execution || child.status === 'Complete') return;
    const param = child.target.type.toLowerCase();
    await this.bus.request(execSubject(child.target.type, execution), {
      params: { [param]: child.target.id },
      meta,
    });
  }
}

/** The run's user acting, through the procedure: the run's Update is the children's cause. */
export function childMeta(run: ProcedureRun, meta: CommandMeta): CommandMeta {
  return {
    userId: run.starter.userId,
    via: 'procedure',
    correlationId: meta.correlationId,
    causationId: run.updateId,
  };
}
