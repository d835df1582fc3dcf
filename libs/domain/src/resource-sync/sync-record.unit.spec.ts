import {
  decideSyncRecord,
  evolveSyncRecord,
  initialSyncRecord,
  syncState,
  type SyncPending,
  type SyncRecord,
} from './sync-record';

const created = { type: 'ResourceSyncCreated', data: { name: 's', config: {} } };
const given = (...events: { type: string; data: unknown }[]): SyncRecord =>
  events.reduce(evolveSyncRecord, initialSyncRecord());
const empty: SyncPending = { remote_contents: [], remote_errors: [], resource_updates: [] };
const change: SyncPending = {
  ...empty,
  resource_updates: [
    {
      target: { type: 'Stack', id: '' },
      data: { type: 'Create', data: { name: 'web', proposed: '[[stack]]' } },
      fields: [],
    },
  ],
};
const applied = { update_id: 'u1', plan_hash: 'h', success: true, at: 5 };

describe('a sync record', () => {
  it('records a refresh that found something new, and nothing when the same was found', () => {
    const events = decideSyncRecord(given(created), {
      type: 'RecordRefresh',
      pending: change,
      at: 1,
    });
    expect(events).toEqual([{ type: 'ResourceSyncRefreshed', data: { pending: change, at: 1 } }]);
    const after = given(created, ...events);
    const reordered = {
      remote_errors: [],
      resource_updates: change.resource_updates,
      remote_contents: [],
    };
    expect(decideSyncRecord(after, { type: 'RecordRefresh', pending: reordered, at: 2 })).toEqual(
      [],
    );
  });

  it('records a run once per Update', () => {
    const once = decideSyncRecord(given(created), { type: 'RecordApplied', applied });
    expect(once).toHaveLength(1);
    expect(decideSyncRecord(given(created, ...once), { type: 'RecordApplied', applied })).toEqual(
      [],
    );
  });

  it('refuses a sync that does not exist or was deleted', () => {
    expect(() => decideSyncRecord(given(), { type: 'RecordApplied', applied })).toThrow(
      /does not exist/,
    );
    const deleted = given(created, { type: 'ResourceSyncDeleted', data: {} });
    expect(() => decideSyncRecord(deleted, { type: 'RecordApplied', applied })).toThrow(/deleted/);
  });

  it('is Pending with a change, Failed with files it could not plan or after a failed run, Ok when empty, Syncing while one runs', () => {
    const refreshed = (pending: SyncPending) => ({
      type: 'ResourceSyncRefreshed',
      data: { pending, at: 1 },
    });
    expect(syncState(given(created), false)).toBe('Unknown');
    expect(syncState(given(created, refreshed(change)), false)).toBe('Pending');
    expect(syncState(given(created, refreshed({ ...empty, pending_error: 'x' })), false)).toBe(
      'Failed',
    );
    const unread = { ...empty, remote_errors: [{ resource_path: '', path: 'a', contents: 'x' }] };
    expect(syncState(given(created, refreshed(unread)), false)).toBe('Failed');
    expect(syncState(given(created, refreshed(empty)), false)).toBe('Ok');
    const failed = { type: 'ResourceSyncApplied', data: { ...applied, success: false } };
    expect(syncState(given(created, refreshed(empty), failed), false)).toBe('Failed');
    expect(syncState(given(created, refreshed(empty), failed), true)).toBe('Syncing');
    const ok = given(created, failed, { type: 'ResourceSyncApplied', data: applied });
    expect(ok.last_sync).toEqual(applied);
    expect(ok.last_failed).toBe(false);
  });
});
