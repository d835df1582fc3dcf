import { claimIsStale, startIsOverdue } from '@monitor/domain';
import type { StoredClaim } from './claim-book';

/**
 * The claims other replicas won, watched until their run shows up. A claimer that stops between
 * its claim and its run's start leaves a claim with no run: once its grace has passed, any
 * replica watching it starts the run the claim names (creating it is the "must not exist"
 * write: one start wins).
 */
export class OverdueClaims {
  private readonly watched = new Map<string, StoredClaim>();

  watch(stored: StoredClaim): void {
    this.watched.set(stored.claim.updateId, stored);
  }

  /**
   * The watched claims whose run is overdue, no longer watched; the others whose run started
   * (`started`) or that went stale are forgotten.
   */
  overdue(nowMs: number, catchUpMs: number, started: (updateId: string) => boolean): StoredClaim[] {
    const due: StoredClaim[] = [];
    for (const [updateId, stored] of this.watched) {
      if (!startIsOverdue(stored.at, nowMs)) continue;
      this.watched.delete(updateId);
      if (started(updateId) || claimIsStale(stored.at, nowMs, catchUpMs)) continue;
      due.push(stored);
    }
    return due;
  }
}
