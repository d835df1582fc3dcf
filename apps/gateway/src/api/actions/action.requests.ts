import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ACTION_REQUESTS } from '@monitor/contracts';
import { KindRequests } from '../kind-requests';

const A = ACTION_REQUESTS;

/**
 * Actions: RunAction and CancelAction (each answers the run's Update at once, the procedures
 * service runs the script) and BatchRunAction over the actions the caller may execute.
 */
@Injectable()
export class ActionRequests implements OnModuleInit {
  constructor(private readonly kind: KindRequests) {}

  onModuleInit(): void {
    this.kind.executionsOf('Action', {
      executions: [A.RunAction, A.CancelAction],
      batches: [[A.BatchRunAction, A.RunAction]],
      param: 'action',
    });
  }
}
