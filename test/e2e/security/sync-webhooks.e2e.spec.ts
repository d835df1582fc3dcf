import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, grant } from '../../support/security';
import { deliver, githubPush, githubPushHeaders, newDelivery } from '../../support/signed-webhook';
import { completed, type UpdateView as Update } from '../../support/updates';

const SECRET = 'sync-hook-secret-outer';

const FILE = `
[[variable]]
name = "HOOK_REGION"
value = "eu-1"

[[procedure]]
name = "hooked-proc"
`;

const push = () => githubPush('main');
const signed = (body: string, secret = SECRET) => githubPushHeaders(body, secret, newDelivery());

/**
 * A sync's webhook runs it as the user who last wrote the sync, each change checked against that
 * user's rights (Komodo runs it as an admin: whoever can push to the repository could then change
 * anything); its deliveries are verified and act once.
 */
describe('security: sync webhooks', () => {
  let monitor: EmbeddedMonitor;
  let writer: ApiClient;
  let writerId: string;
  let syncId: string;

  const hook = (action: string, body: string, headers: Record<string, string>) =>
    deliver(`${monitor.url}/listener/github/sync/guarded-sync/${action}`, body, headers);
  const syncEvents = async () =>
    (await monitor.runtime.store.readStream(`resourcesync-${syncId}`)).length;

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_SYNC_POLL_INTERVAL_MS: '0',
    });
    writer = (await enabledUser(monitor, 'sync-writer')).client;
    writerId = (
      await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'sync-writer' })
    )._id.$oid;
    const sync = await monitor.admin.write<{ _id: { $oid: string } }>('CreateResourceSync', {
      name: 'guarded-sync',
      config: { file_contents: '', include_variables: true, webhook_secret: SECRET },
    });
    syncId = sync._id.$oid;
    await grant(monitor.admin, writerId, { type: 'ResourceSync', id: syncId }, 'Write');
  }, 60_000);
  afterAll(() => monitor?.destroy());

  it('a push runs the sync as its last writer, not as an admin: a change the writer may not make fails', async () => {
    await writer.write('UpdateResourceSync', {
      id: 'guarded-sync',
      config: { file_contents: FILE },
    });
    const body = push();
    const answer = await hook('sync', body, signed(body));
    expect(answer.status).toBe(202);
    const run = await completed(monitor.admin, (await answer.json()) as Update, 60_000);
    expect(run.operator).toBe(writerId);
    expect(run.success).toBe(false);
    const variable = run.logs.find((l) => l.stage.includes('HOOK_REGION'));
    expect(variable?.success).toBe(false);
    expect(variable?.stderr).toMatch(/admin/i);
    expect(monitor.runtime.readModel.settings.variable('HOOK_REGION')).toBeUndefined();
    // What the writer may do went through, as theirs.
    const proc = monitor.runtime.readModel.resource('Procedure', 'hooked-proc');
    expect(proc).toBeDefined();
    const [created] = await monitor.runtime.store.readStream(`procedure-${proc!.id}`);
    expect(created.metadata).toMatchObject({ userId: writerId, via: 'sync' });
  });

  it('a forged or replayed delivery is refused and changes nothing', async () => {
    const before = await syncEvents();
    const updates = monitor.runtime.readModel.listUpdates().length;
    const body = push();
    const forged = await hook('refresh', body, signed(body, 'not-the-secret'));
    expect(forged.status).toBe(401);
    const unsigned = await hook('refresh', body, { 'x-github-event': 'push' });
    expect(unsigned.status).toBe(401);
    expect(monitor.runtime.readModel.listUpdates()).toHaveLength(updates);
    expect(await syncEvents()).toBe(before);

    const headers = signed(body);
    const first = await hook('refresh', body, headers);
    expect(first.status).toBe(202);
    await completed(monitor.admin, (await first.json()) as Update);
    const replay = await hook('refresh', body, headers);
    expect(replay.status).toBe(409);
    expect(monitor.runtime.readModel.listUpdates()).toHaveLength(updates + 1);
  });
});
