import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SYNC_EXECUTION_FORMS, SYNC_REQUESTS } from '@monitor/contracts';
import { completion } from '@monitor/executions';
import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { executionDone } from '../execution-done';
import { ExecutionForwarder } from '../execution-forwarder';
import { KindRequests } from '../kind-requests';
import { toKomodoResource, toKomodoUpdate } from '../komodo-shapes';
import { syncInfo } from '../read/sync-info';
import { RequestRegistry } from '../request-registry';

const S = SYNC_REQUESTS;

/**
 * ResourceSyncs: RunSync and the execution forms of RefreshResourceSyncPending and CommitSync
 * (each an Update at once), Komodo's `/write/RefreshResourceSyncPending` (the sync, once its
 * plan is recorded), `/write/CommitSync` and `/write/WriteSyncFileContents` (the Update once
 * over), and whether one runs.
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
      executions: [
        S.RunSync,
        SYNC_EXECUTION_FORMS.RefreshResourceSyncPending,
        SYNC_EXECUTION_FORMS.CommitSync,
        SYNC_EXECUTION_FORMS.WriteSyncFileContents,
      ],
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
    // Komodo's writes that answer the Update once it is over.
    for (const entry of [S.CommitSync, S.WriteSyncFileContents]) {
      this.registry.handle(entry, async (params, { meta }) => {
        const started = await this.executions.run('ResourceSync', entry.name, params, meta);
        return toKomodoUpdate(await completion(this.readModel, started._id.$oid));
      });
    }
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
