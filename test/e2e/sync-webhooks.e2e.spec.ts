import { randomBytes } from 'node:crypto';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { SyncAlertFeed } from '../../apps/sync/src/alerts/sync-alert-feed';
import { SyncAlerts } from '../../apps/sync/src/alerts/sync-alerts';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { addGitAccount, gitSource } from '../support/git-accounts';
import {
  anyCommit,
  deliver,
  githubPush,
  githubPushHeaders,
  gitlabPush,
  gitlabPushHeaders,
  newDelivery,
} from '../support/signed-webhook';
import { completed, type UpdateView as Update } from '../support/updates';

interface SyncAnswer {
  _id: { $oid: string };
  info: {
    resource_updates: { target: { type: string; id: string }; data: { type: string } }[];
    pending_commit?: string;
    pending_hash?: string;
    pending_delete_guard?: { deletes: number; needsConfirm: boolean };
  };
}

const USER = 'hooker';
const TOKEN = `sync-hook-token-${randomBytes(4).toString('hex')}`;
const SECRET = `sync-hook-secret-${randomBytes(4).toString('hex')}`;

/** A file declaring a procedure per name. */
const procedures = (names: string[]) =>
  names.map((name) => `[[procedure]]\nname = "${name}"\n`).join('\n');
const numbered = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}`);

/**
 * `/listener/<github|gitlab>/sync/<sync>/<refresh|sync>`: a verified push to the sync's branch
 * refreshes its plan or runs it, as the sync's last writer; a push never confirms deletes.
 */
describe('sync webhooks and alerts', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let syncId: string;
  let adminId: string;
  /** A second replica's feed on the same store: each alert must still open once. */
  let secondFeed: SyncAlertFeed;

  const hook = (action: string, branch = 'main', secret = SECRET) => {
    const body = githubPush(branch, anyCommit(), { repository: { full_name: 'acme/hooked' } });
    return deliver(
      `${monitor.url}/listener/github/sync/hooked/${action}`,
      body,
      githubPushHeaders(body, secret, newDelivery()),
    );
  };
  const sync = () => monitor.admin.read<SyncAnswer>('GetResourceSync', { sync: 'hooked' });
  const procedure = (name: string) => monitor.runtime.readModel.resource('Procedure', name);
  const openAlerts = (type: string) =>
    monitor.runtime.readModel.alerts
      .openFor('ResourceSync', syncId)
      .filter((a) => a.data.type === type);
  const syncEvents = async () =>
    (await monitor.runtime.store.readStream(`resourcesync-${syncId}`)).length;

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_SYNC_POLL_INTERVAL_MS: '0' });
    const { store, checkpoints, readModel } = monitor.runtime;
    secondFeed = new SyncAlertFeed(store, checkpoints, readModel, new SyncAlerts(store, readModel));
    await secondFeed.onApplicationBootstrap();
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    adminId = (await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'admin' }))
      ._id.$oid;
    await git.createRepo('acme/hooked', { 'sync/procedures.toml': procedures(numbered(1, 8)) });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    const created = await monitor.admin.write<{ _id: { $oid: string } }>('CreateResourceSync', {
      name: 'hooked',
      config: {
        ...gitSource(provider, USER, 'acme/hooked'),
        resource_path: ['sync'],
        delete: true,
        webhook_secret: SECRET,
      },
    });
    syncId = created._id.$oid;
    const first = await monitor.admin.execute<Update>('RunSync', { sync: 'hooked' });
    expect((await completed(monitor.admin, first, 60_000)).success).toBe(true);
    expect(procedure('p8')).toBeDefined();
  }, 120_000);

  afterAll(async () => {
    await secondFeed?.onApplicationShutdown();
    await monitor?.destroy();
    await git?.stop();
  });

  it('a signed push to refresh shows the new plan, as the last writer; the pending alert opens', async () => {
    const head = await git.commitFiles(
      'acme/hooked',
      { 'sync/procedures.toml': procedures(numbered(1, 9)) },
      'add p9',
    );
    const answer = await hook('refresh');
    expect(answer.status).toBe(202);
    const update = (await answer.json()) as Update;
    expect(update.operation).toBe('RefreshResourceSyncPending');
    const done = await completed(monitor.admin, update);
    expect(done.success).toBe(true);
    expect(done.operator).toBe(adminId);
    const { info } = await sync();
    expect(info.pending_commit).toBe(head);
    expect(info.resource_updates.map((u) => [u.target.type, u.data.type])).toEqual([
      ['Procedure', 'Create'],
    ]);
    expect(JSON.stringify(info.resource_updates[0].data)).toContain('p9');
    expect(procedure('p9')).toBeUndefined();
    const [alert] = await eventually(async () => {
      const open = openAlerts('ResourceSyncPendingUpdates');
      expect(open).toHaveLength(1);
      return open;
    });
    expect(alert).toMatchObject({
      level: 'WARNING',
      data: { data: { id: syncId, name: 'hooked' } },
    });
  });

  it('refuses a bad signature and ignores a push to another branch: nothing changes', async () => {
    await git.commitFiles(
      'acme/hooked',
      { 'sync/procedures.toml': procedures(numbered(1, 10)) },
      'add p10',
    );
    const before = await syncEvents();
    const updates = monitor.runtime.readModel.listUpdates().length;
    expect((await hook('sync', 'main', 'not-the-secret')).status).toBe(401);
    const other = await hook('sync', 'feature');
    expect(other.status).toBe(202);
    expect(await other.json()).toEqual({
      ignored: true,
      message: "a push to 'feature' is ignored: ResourceSync 'hooked' follows 'main'",
    });
    expect(monitor.runtime.readModel.listUpdates()).toHaveLength(updates);
    expect(await syncEvents()).toBe(before);
    expect(procedure('p9')).toBeUndefined();
    expect(procedure('p10')).toBeUndefined();
  });

  it('a signed push to sync applies the plan, each change naming the sync and the commit; the pending alert resolves', async () => {
    const head = await git.commitFiles(
      'acme/hooked',
      { 'sync/procedures.toml': procedures(numbered(1, 11)) },
      'add p11',
    );
    const answer = await hook('sync');
    expect(answer.status).toBe(202);
    const update = (await answer.json()) as Update;
    expect(update.operation).toBe('RunSync');
    const done = await completed(monitor.admin, update, 60_000);
    expect(done.success).toBe(true);
    expect(done.operator).toBe(adminId);
    for (const name of ['p9', 'p10', 'p11']) expect(procedure(name)).toBeDefined();
    const [created] = await monitor.runtime.store.readStream(`procedure-${procedure('p11')!.id}`);
    expect(created.metadata).toMatchObject({
      userId: adminId,
      via: 'sync',
      origin: { type: 'ResourceSync', id: syncId, commit: head },
    });
    expect((await sync()).info.resource_updates).toEqual([]);
    await eventually(async () => expect(openAlerts('ResourceSyncPendingUpdates')).toEqual([]));
    // Two feeds followed the same refreshes: the period's alert was opened once, by one.
    const ever = monitor.runtime.readModel.alerts.list(
      (a) => a.target.id === syncId && a.data.type === 'ResourceSyncPendingUpdates',
    );
    expect(ever).toHaveLength(1);
  });

  it('a push that would delete more than 5 applies nothing and opens ResourceSyncDeletesHeld; confirmed by hand it applies', async () => {
    const head = await git.commitFiles(
      'acme/hooked',
      { 'sync/procedures.toml': procedures(['p1', 'p2']) },
      'drop nine',
    );
    const answer = await hook('sync');
    expect(answer.status).toBe(409);
    expect((await answer.json()).error).toContain('confirm_deletes = 9');
    expect(numbered(1, 11).filter((name) => !procedure(name))).toEqual([]);
    const [held] = await eventually(async () => {
      const open = openAlerts('ResourceSyncDeletesHeld');
      expect(open).toHaveLength(1);
      return open;
    });
    expect(held).toMatchObject({
      level: 'WARNING',
      data: {
        data: { id: syncId, name: 'hooked', deletes: 9, scope: 11, commit: head.slice(0, 8) },
      },
    });
    // The held plan is on the sync, for review.
    const { info } = await sync();
    expect(info.pending_commit).toBe(head);
    expect(info.pending_delete_guard).toMatchObject({ deletes: 9, needsConfirm: true });
    await eventually(async () => expect(openAlerts('ResourceSyncPendingUpdates')).toHaveLength(1));

    const run = await monitor.admin.execute<Update>('RunSync', {
      sync: 'hooked',
      pending_hash: info.pending_hash,
      confirm_deletes: 9,
    });
    expect((await completed(monitor.admin, run, 60_000)).success).toBe(true);
    expect(numbered(1, 11).filter((name) => procedure(name))).toEqual(['p1', 'p2']);
    await eventually(async () => {
      expect(openAlerts('ResourceSyncDeletesHeld')).toEqual([]);
      expect(openAlerts('ResourceSyncPendingUpdates')).toEqual([]);
    });
  }, 90_000);

  it("answers GitLab's token as GitHub's signature; refuses 403 while webhook_enabled is off", async () => {
    const gitlab = (token: string) =>
      deliver(
        `${monitor.url}/listener/gitlab/sync/hooked/refresh`,
        gitlabPush('main'),
        gitlabPushHeaders(token),
      );
    expect((await gitlab('wrong')).status).toBe(401);
    const answer = await gitlab(SECRET);
    expect(answer.status).toBe(202);
    expect((await completed(monitor.admin, (await answer.json()) as Update)).success).toBe(true);
    await monitor.admin.write('UpdateResourceSync', {
      id: 'hooked',
      config: { webhook_enabled: false },
    });
    const updates = monitor.runtime.readModel.listUpdates().length;
    const off = await hook('sync');
    expect(off.status).toBe(403);
    expect((await off.json()).error).toContain('webhook_enabled');
    expect(monitor.runtime.readModel.listUpdates()).toHaveLength(updates);
    await monitor.admin.write('UpdateResourceSync', {
      id: 'hooked',
      config: { webhook_enabled: true },
    });
  });

  it("opens no pending alert without pending_alert; a deleted sync's open alerts resolve", async () => {
    const quiet = await monitor.admin.write<{ _id: { $oid: string } }>('CreateResourceSync', {
      name: 'quiet',
      config: { file_contents: procedures(['quiet-1']), pending_alert: false },
    });
    const loud = await monitor.admin.write<{ _id: { $oid: string } }>('CreateResourceSync', {
      name: 'loud',
      config: { file_contents: procedures(['loud-1']) },
    });
    await monitor.admin.write('RefreshResourceSyncPending', { sync: 'quiet' });
    await monitor.admin.write('RefreshResourceSyncPending', { sync: 'loud' });
    const open = (id: string) => monitor.runtime.readModel.alerts.openFor('ResourceSync', id);
    await eventually(async () => expect(open(loud._id.$oid)).toHaveLength(1));
    expect(open(quiet._id.$oid)).toEqual([]);
    await monitor.admin.write('DeleteResourceSync', { id: 'loud' });
    await eventually(async () => expect(open(loud._id.$oid)).toEqual([]));
  });
});

/** `[sync] poll_interval_ms`: a pushed commit is planned without any request. */
describe('sync polling', () => {
  const INTERVAL = 1_000;
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_SYNC_POLL_INTERVAL_MS: String(INTERVAL) });
    git = await startGitHttpServer({ username: USER, password: TOKEN });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  it('plans each pushed commit within an interval or two, recording no Update, and nothing when the plan stays the same', async () => {
    await git.createRepo('acme/polled', { 'procedures.toml': procedures(['q1']) });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateResourceSync', {
      name: 'polled',
      config: { ...gitSource(provider, USER, 'acme/polled'), resource_path: ['procedures.toml'] },
    });
    const pending = () => monitor.runtime.readModel.syncs.of(_id.$oid).pending;
    await eventually(async () => expect(pending()?.resource_updates).toHaveLength(1));
    const head = await git.commitFiles(
      'acme/polled',
      { 'procedures.toml': procedures(['q1', 'q2']) },
      'add q2',
    );
    await eventually(async () => {
      expect(pending()?.pending_commit).toBe(head);
      expect(pending()?.resource_updates).toHaveLength(2);
    }, 10_000);
    const refreshes = monitor.runtime.readModel.listUpdates(
      (u) => u.target?.id === _id.$oid && u.operation === 'RefreshResourceSyncPending',
    );
    expect(refreshes).toHaveLength(0);
    // The same plan again records nothing: the sync's stream stands still across polls.
    const stream = `resourcesync-${_id.$oid}`;
    const before = (await monitor.runtime.store.readStream(stream)).length;
    await new Promise((resolve) => setTimeout(resolve, 2.5 * INTERVAL));
    expect((await monitor.runtime.store.readStream(stream)).length).toBe(before);
  }, 60_000);
});
