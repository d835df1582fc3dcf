import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ACTION_REQUESTS } from '@monitor/contracts';
import { notFound } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { KindRequests } from '../kind-requests';
import { RequestRegistry } from '../request-registry';

const A = ACTION_REQUESTS;

/**
 * Actions: RunAction and CancelAction (each answers the run's Update at once, the procedures
 * service runs the script), BatchRunAction over the actions the caller may execute, and
 * GetActionActionState.
 */
@Injectable()
export class ActionRequests implements OnModuleInit {
  constructor(
    private readonly kind: KindRequests,
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.kind.executionsOf('Action', {
      executions: [A.RunAction, A.CancelAction],
      batches: [[A.BatchRunAction, A.RunAction]],
      param: 'action',
    });
    this.registry.handle(A.GetActionActionState, async ({ action }) => {
      const found = this.readModel.resource('Action', action);
      if (!found) throw notFound(`no Action has the name or id '${action}'`);
      const runs = this.readModel.executions.forTarget('Action', found.id);
      return {
        running: runs.filter((x) => x.operation === 'RunAction' && x.status !== 'Complete').length,
      };
    });
  }
}
