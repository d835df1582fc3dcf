import { Injectable } from '@nestjs/common';
import type { ResourceKind } from '@monitor/domain';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { StateChangeAlerts } from './state-change-alerts';

/**
 * Executions on a resource that polling watches (a deployment's container, a stack's
 * services): the state changes seen while one runs, and shortly after, are ours, not alerts.
 */
@Injectable()
export class ObservedExecutions {
  constructor(
    private readonly runner: ExecutionRunner,
    private readonly alerts: StateChangeAlerts,
  ) {}

  async start(
    target: { type: ResourceKind; id: string },
    operation: string,
    meta: CommandMeta,
    work: (ctx: ExecutionContext) => Promise<void>,
  ): Promise<WriteResult> {
    const { id, position } = await this.runner.start({
      operation,
      target,
      meta,
      work: async (ctx) => {
        this.alerts.markOurs(target.id);
        try {
          await work(ctx);
        } finally {
          this.alerts.markOurs(target.id);
        }
      },
    });
    return { id, position };
  }
}
