import { RESOURCE_KINDS } from '../kinds';
import { readResourceEvent } from '../resources/lifecycle/events';
import { notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { canonicalJson } from './plan/canonical';
import type { RenderedSyncInfo } from './plan/render-info';

/** Komodo's SyncFileContents: a file read (or why it could not be) under its resource path. */
export interface SyncFileContents {
  resource_path: string;
  path: string;
  contents: string;
}

/**
 * What a refresh found, as stored and answered (secrets masked): Komodo's pending fields of
 * ResourceSyncInfo, Monitor's additions (field diffs, problems, the delete guard), the files
 * read, and the commit they were read at. With `pending_error`, nothing was planned.
 */
export type SyncPending = Partial<RenderedSyncInfo> & {
  pending_error?: string;
  /** The commit the files were read at (git), and its message. */
  pending_commit?: string;
  pending_message?: string;
  remote_contents: SyncFileContents[];
  remote_errors: SyncFileContents[];
};

/** A finished RunSync: the plan it applied, at which commit, and how it went. */
export interface SyncApplied {
  update_id: string;
  plan_hash: string;
  commit?: string;
  message?: string;
  success: boolean;
  at: number;
}

export type SyncRecordEvent =
  | DomainEvent<'ResourceSyncRefreshed', { pending: SyncPending; at: number }>
  | DomainEvent<'ResourceSyncApplied', SyncApplied>;

export interface SyncRecord {
  status: 'Empty' | 'Active' | 'Deleted';
  pending?: SyncPending;
  refreshed_at?: number;
  /** The last RunSync that succeeded (Komodo's `last_sync_*`). */
  last_sync?: SyncApplied;
  /** Whether the last RunSync failed. */
  last_failed: boolean;
}

export const initialSyncRecord = (): SyncRecord => ({ status: 'Empty', last_failed: false });

/** Folds a sync's stream: its lifecycle, each refresh that found something new, each run. */
export function evolveSyncRecord(record: SyncRecord, event: DomainEvent): SyncRecord {
  const lifecycle = readResourceEvent(event, RESOURCE_KINDS);
  if (lifecycle) {
    if (lifecycle.kind !== 'ResourceSync') return record;
    if (lifecycle.action === 'Created') return { ...initialSyncRecord(), status: 'Active' };
    if (lifecycle.action === 'Deleted') return { ...record, status: 'Deleted' };
    return record;
  }
  const known = event as SyncRecordEvent;
  if (known.type === 'ResourceSyncRefreshed')
    return { ...record, pending: known.data.pending, refreshed_at: known.data.at };
  if (known.type === 'ResourceSyncApplied')
    return known.data.success
      ? { ...record, last_sync: known.data, last_failed: false }
      : { ...record, last_failed: true };
  return record;
}

export type SyncRecordCommand =
  | { type: 'RecordRefresh'; pending: SyncPending; at: number }
  | { type: 'RecordApplied'; applied: SyncApplied };

/**
 * A refresh is recorded when what it found differs from what is stored (a poll that finds the
 * same plan writes nothing); a run once per Update (a retried append changes nothing).
 */
export function decideSyncRecord(
  record: SyncRecord,
  command: SyncRecordCommand,
): SyncRecordEvent[] {
  if (record.status !== 'Active')
    throw notFound(`the sync ${record.status === 'Deleted' ? 'was deleted' : 'does not exist'}`);
  if (command.type === 'RecordRefresh') {
    if (canonicalJson(record.pending) === canonicalJson(command.pending)) return [];
    return [{ type: 'ResourceSyncRefreshed', data: { pending: command.pending, at: command.at } }];
  }
  if (record.last_sync?.update_id === command.applied.update_id) return [];
  return [{ type: 'ResourceSyncApplied', data: command.applied }];
}

/** Komodo's ResourceSyncState. */
export type ResourceSyncState = 'Syncing' | 'Pending' | 'Failed' | 'Ok' | 'Unknown';

/**
 * As Komodo: Syncing while a RunSync runs; Pending when the plan holds a change or the files
 * could not be planned; Failed when the last run failed; else Ok (Unknown before any refresh).
 */
export function syncState(record: SyncRecord, running: boolean): ResourceSyncState {
  if (running) return 'Syncing';
  const pending = record.pending;
  if (!pending) return record.last_failed ? 'Failed' : 'Unknown';
  const changes =
    (pending.resource_updates?.length ?? 0) +
    (pending.variable_updates?.length ?? 0) +
    (pending.user_group_updates?.length ?? 0) +
    (pending.pending_deploys?.length ?? 0);
  // As Komodo: files that could not be planned are a failure, not a pending change.
  if (pending.pending_error || pending.remote_errors.length) return 'Failed';
  if (changes > 0) return 'Pending';
  return record.last_failed ? 'Failed' : 'Ok';
}
