import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { STACK_REQUESTS } from '@monitor/contracts';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { ExecutionForwarder } from '../execution-forwarder';
import { RequestRegistry } from '../request-registry';

/**
 * Komodo 2's `/write/RefreshStackCache { stack }`: the same execution as Monitor's
 * `/execute/RefreshStackCache` (kept), answered as Komodo does, once it is done: `{}`, or the
 * failure with the Update that tells why.
 */
@Injectable()
export class StackCacheWrite implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly executions: ExecutionForwarder,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(STACK_REQUESTS.RefreshStackCache, async (params, { meta }) => {
      const started = await this.executions.run('Stack', 'RefreshStackCache', params, meta);
      const update = await this.finished(started._id.$oid);
      if (!update.success) {
        const failed = update.logs.find((log) => !log.success);
        throw new ApiError(
          500,
          `RefreshStackCache failed${failed ? ` at ${failed.stage}: ${failed.stderr}` : ''} (Update '${update.id}')`,
          'INTERNAL',
          { update: update.id },
        );
      }
      return {};
    });
  }

  /** The Update once Complete; the runner ends every execution, interrupted ones included. */
  private finished(id: string): Promise<UpdateRecord> {
    return new Promise((resolve) => {
      const settle = (update: UpdateRecord | undefined) => {
        if (update?.id !== id || update.status !== 'Complete') return false;
        unsubscribe();
        resolve(update);
        return true;
      };
      const unsubscribe = this.readModel.onUpdate(settle);
      settle(this.readModel.update(id));
    });
  }
}
