import type { Types } from 'komodo_client';
import {
  ExportAllResourcesToTomlDto,
  ExportResourcesToTomlDto,
  RunSyncDto,
  SyncParamDto,
  WriteSyncFileContentsDto,
} from '../requests/sync.dto';
import { entry, komodo, on, USER } from './entry';

const execute = on<{ sync: string }>('ResourceSync', 'sync', 'Execute');
const read = on<{ sync: string }>('ResourceSync', 'sync', 'Read');
const write = on<{ sync: string }>('ResourceSync', 'sync', 'Write');

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
  /** Komodo's write: the current state written into the sync's files, its Update once over. */
  CommitSync: komodo('CommitSync', 'write', SyncParamDto, write, 'sync'),
  /** Komodo's write: one file of the sync written (host folder, git commit or UI contents). */
  WriteSyncFileContents: komodo(
    'WriteSyncFileContents',
    'write',
    WriteSyncFileContentsDto,
    write,
    'sync',
  ),
  /** Everything the caller may read, as Komodo's TOML (the handler filters). */
  ExportAllResourcesToToml: komodo(
    'ExportAllResourcesToToml',
    'read',
    ExportAllResourcesToTomlDto,
    USER,
    'gateway',
  ),
  /** The resources and groups named, each one the caller may read, as Komodo's TOML. */
  ExportResourcesToToml: komodo(
    'ExportResourcesToToml',
    'read',
    ExportResourcesToTomlDto,
    USER,
    'gateway',
  ),
};

/**
 * Monitor's execution forms of RefreshResourceSyncPending, CommitSync (Komodo 2's procedures run
 * CommitSync as an execution) and WriteSyncFileContents: their Update at once, live.
 */
export const SYNC_EXECUTION_FORMS = {
  RefreshResourceSyncPending: entry<Types.Update>()(
    'RefreshResourceSyncPending',
    'execute',
    SyncParamDto,
    execute,
    'sync',
  ),
  CommitSync: entry<Types.Update>()('CommitSync', 'execute', SyncParamDto, write, 'sync'),
  WriteSyncFileContents: entry<Types.Update>()(
    'WriteSyncFileContents',
    'execute',
    WriteSyncFileContentsDto,
    write,
    'sync',
  ),
};
