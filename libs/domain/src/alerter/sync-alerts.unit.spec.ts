import type { DeleteGuard } from '../resource-sync/plan/types';
import type { SyncPending } from '../resource-sync/sync-record';
import {
  deletesHeldAlert,
  isPending,
  pendingStep,
  pendingUpdatesAlert,
  releasesHeldDeletes,
} from './sync-alerts';

const sync = { id: 's1', name: 'infra' };
const guard = (deletes: number, needsConfirm: boolean): DeleteGuard => ({
  deletes,
  scope: 40,
  needsConfirm,
  declaresNothing: false,
  withheld: 0,
});
const empty: SyncPending = {
  resource_updates: [],
  variable_updates: [],
  user_group_updates: [],
  pending_deploys: [],
  pending_delete_guard: guard(0, false),
  remote_contents: [],
  remote_errors: [],
};
const changed: SyncPending = {
  ...empty,
  resource_updates: [{ target: { type: 'Server', id: 'edge' } } as never],
};
const held: SyncPending = { ...changed, pending_delete_guard: guard(30, true) };
const failed: SyncPending = { remote_contents: [], remote_errors: [], pending_error: 'x:1:y: bad' };

describe("a sync's refreshes and its alerts", () => {
  it('a plan with a change is pending; an empty plan or files with errors (as Komodo) are not', () => {
    expect(isPending(changed)).toBe(true);
    expect(isPending(failed)).toBe(false);
    expect(isPending(empty)).toBe(false);
    expect(isPending(undefined)).toBe(false);
  });

  it('a pending period opens at the refresh that begins it, once, and resolves when the plan empties or fails', () => {
    const refreshes = [empty, changed, failed, changed, empty, empty, held];
    let since: number | undefined;
    const steps = refreshes.map((pending, revision) => {
      const step = pendingStep(since, revision, pending);
      since = step.since;
      return step;
    });
    expect(steps).toEqual([
      { since: undefined },
      { since: 1, opens: 1 },
      { resolves: 1 },
      { since: 3, opens: 3 },
      { resolves: 3 },
      { since: undefined },
      { since: 6, opens: 6 },
    ]);
  });

  it('a held webhook run is released by a plan that needs no confirm_deletes, not by errors', () => {
    expect(releasesHeldDeletes(empty)).toBe(true);
    expect(releasesHeldDeletes(changed)).toBe(true);
    expect(releasesHeldDeletes(held)).toBe(false);
    expect(releasesHeldDeletes(failed)).toBe(false);
    expect(releasesHeldDeletes(undefined)).toBe(false);
  });

  it('the alerts name the sync; a held run its deletes, scope and commit', () => {
    expect(pendingUpdatesAlert(sync)).toEqual({
      target: { type: 'ResourceSync', id: 's1' },
      data: { type: 'ResourceSyncPendingUpdates', data: { id: 's1', name: 'infra' } },
    });
    expect(deletesHeldAlert(sync, guard(30, true), 'abc12345')).toEqual({
      target: { type: 'ResourceSync', id: 's1' },
      data: {
        type: 'ResourceSyncDeletesHeld',
        data: { id: 's1', name: 'infra', deletes: 30, scope: 40, commit: 'abc12345' },
      },
    });
    expect(deletesHeldAlert(sync, guard(6, true)).data.data).not.toHaveProperty('commit');
  });
});
