import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SYNC_EXECUTION_FORMS, SYNC_REQUESTS } from '@monitor/contracts';
import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { executionDone } from '../execution-done';
import { ExecutionForwarder } from '../execution-forwarder';
import { KindRequests } from '../kind-requests';
import { toKomodoResource } from '../komodo-shapes';
import { syncInfo } from '../read/sync-info';
import { RequestRegistry } from '../request-registry';

const S = SYNC_REQUESTS;

/**
 * ResourceSyncs: RunSync and the execution form of RefreshResourceSyncPending (each an Update
 * at once), Komodo's `/write/RefreshResourceSyncPending` (the sync, once its plan is recorded),
 * and whether one runs.
 */
@Injectable()
export class SyncRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly executions: ExecutionForwarder,
    private readonly kind: KindRequests,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.kind.executionsOf('ResourceSync', {
      executions: [S.RunSync, SYNC_EXECUTION_FORMS.RefreshResourceSyncPending],
      param: 'sync',
    });
    this.registry.handle(S.RefreshResourceSyncPending, async (params, { meta }) => {
      const sync = this.sync(params.sync);
      const started = await this.executions.run(
        'ResourceSync',
        S.RefreshResourceSyncPending.name,
        params,
        meta,
      );
      await executionDone(this.readModel, S.RefreshResourceSyncPending.name, started._id.$oid);
      const now = this.sync(sync.id);
      return toKomodoResource(now, syncInfo(this.readModel, now));
    });
    this.registry.handle(S.GetResourceSyncActionState, async ({ sync }) => ({
      syncing: this.readModel.executions
        .forTarget('ResourceSync', this.sync(sync).id)
        .some((x) => x.operation === S.RunSync.name && x.status === 'InProgress'),
    }));
  }

  private sync(idOrName: string): Resource<'ResourceSync'> {
    const sync = this.readModel.resource('ResourceSync', idOrName);
    if (!sync)
      throw new ApiError(404, `no ResourceSync has the name or id '${idOrName}'`, 'NOT_FOUND');
    return sync;
  }
}
