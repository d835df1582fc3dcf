import type { Types } from 'komodo_client';
import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/**
 * GetResourceSync's info (Komodo's ResourceSyncInfo): the plan the last refresh found (each
 * change with Monitor's field diffs, the problems at file:line:field, the delete guard), the
 * files it read, and the last run that succeeded.
 */
export function syncInfo(
  readModel: ReadModel,
  sync: Resource<'ResourceSync'>,
): Record<keyof Types.ResourceSyncInfo, unknown> & Record<string, unknown> {
  const { pending, last_sync } = readModel.syncs.of(sync.id);
  return {
    last_sync_ts: last_sync?.at,
    last_sync_hash: last_sync?.commit,
    last_sync_message: last_sync?.message,
    resource_updates: pending?.resource_updates ?? [],
    variable_updates: pending?.variable_updates ?? [],
    user_group_updates: pending?.user_group_updates ?? [],
    pending_deploys: pending?.pending_deploys ?? [],
    pending_error: pending?.pending_error,
    pending_deploy_error: undefined,
    pending_hash: pending?.pending_hash,
    pending_message: pending?.pending_message,
    pending_commit: pending?.pending_commit,
    pending_problems: pending?.pending_problems ?? [],
    pending_delete_guard: pending?.pending_delete_guard,
    remote_contents: pending?.remote_contents ?? [],
    remote_errors: pending?.remote_errors ?? [],
  };
}
