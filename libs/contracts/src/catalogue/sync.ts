import type { Types } from 'komodo_client';
import { RunSyncDto, SyncParamDto } from '../requests/sync.dto';
import { entry, komodo, on } from './entry';

const execute = on<{ sync: string }>('ResourceSync', 'sync', 'Execute');
const read = on<{ sync: string }>('ResourceSync', 'sync', 'Read');

/**
 * A ResourceSync's work: its files read and planned (RefreshResourceSyncPending), the plan
 * applied through the ordinary requests as whoever runs it (RunSync), and whether one runs.
 */
export const SYNC_REQUESTS = {
  /** Komodo's write: answers the sync once its files are read and the plan recorded. */
  RefreshResourceSyncPending: komodo(
    'RefreshResourceSyncPending',
    'write',
    SyncParamDto,
    execute,
    'sync',
  ),
  RunSync: komodo('RunSync', 'execute', RunSyncDto, execute, 'sync'),
  GetResourceSyncActionState: komodo(
    'GetResourceSyncActionState',
    'read',
    SyncParamDto,
    read,
    'gateway',
  ),
};

/** Monitor's execution form of RefreshResourceSyncPending: its Update at once, live. */
export const SYNC_EXECUTION_FORMS = {
  RefreshResourceSyncPending: entry<Types.Update>()(
    'RefreshResourceSyncPending',
    'execute',
    SyncParamDto,
    execute,
    'sync',
  ),
};
