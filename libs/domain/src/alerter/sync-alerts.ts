import type { AlertDataOf, AlertTarget } from '../alerts/alert-data';
import type { DeleteGuard } from '../resource-sync/plan/types';
import { syncState, type SyncPending } from '../resource-sync/sync-record';

const targetOf = (id: string): AlertTarget => ({ type: 'ResourceSync', id });

/**
 * Whether a refresh's plan holds a change (Komodo's Pending). Files that could not be planned are
 * not pending: as Komodo, such a refresh resolves the pending alert, and the state says Failed.
 */
export function isPending(pending: SyncPending | undefined): boolean {
  return (
    pending !== undefined &&
    syncState({ status: 'Active', pending, last_failed: false }, false) === 'Pending'
  );
}

/**
 * A sync's pending period: the revision of the refresh (in the sync's stream) that found
 * something after an empty plan. Every replica folding the same stream finds the same start, so
 * the period's `ResourceSyncPendingUpdates` alert can be named after it and opened once.
 */
export interface PendingStep {
  /** The period the sync is in after this refresh; undefined: its plan is empty. */
  since?: number;
  /** A period begins here: its alert opens (with `pending_alert`). */
  opens?: number;
  /** The period that began here ended: its alert resolves. */
  resolves?: number;
}

/** Folds one refresh (at `revision`) into the sync's pending period. */
export function pendingStep(
  since: number | undefined,
  revision: number,
  pending: SyncPending | undefined,
): PendingStep {
  const now = isPending(pending);
  if (now && since === undefined) return { since: revision, opens: revision };
  if (!now && since !== undefined) return { resolves: since };
  return { since };
}

/** A refresh that no longer needs `confirm_deletes` ends a held webhook run's alert. */
export function releasesHeldDeletes(pending: SyncPending | undefined): boolean {
  const guard = pending?.pending_delete_guard;
  return guard !== undefined && !guard.needsConfirm;
}

/** Komodo's ResourceSyncPendingUpdates, opened for a sync whose plan holds something. */
export function pendingUpdatesAlert(sync: { id: string; name: string }): {
  target: AlertTarget;
  data: AlertDataOf<'ResourceSyncPendingUpdates'>;
} {
  return {
    target: targetOf(sync.id),
    data: { type: 'ResourceSyncPendingUpdates', data: { id: sync.id, name: sync.name } },
  };
}

/** The alert of a webhook run held for its deletes. */
export function deletesHeldAlert(
  sync: { id: string; name: string },
  guard: DeleteGuard,
  commit?: string,
): { target: AlertTarget; data: AlertDataOf<'ResourceSyncDeletesHeld'> } {
  return {
    target: targetOf(sync.id),
    data: {
      type: 'ResourceSyncDeletesHeld',
      data: {
        id: sync.id,
        name: sync.name,
        deletes: guard.deletes,
        scope: guard.scope,
        ...(commit ? { commit } : {}),
      },
    },
  };
}
