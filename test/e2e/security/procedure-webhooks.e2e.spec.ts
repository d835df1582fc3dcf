import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, grant } from '../../support/security';
import { deliver, githubPush, githubPushHeaders, newDelivery } from '../../support/signed-webhook';
import { completed, type UpdateView as Update } from '../../support/updates';

const SECRET = 'procedure-hook-secret-outer';
const OTHER_SECRET = 'procedure-hook-secret-other';

const none = [{ execution: { type: 'None', params: {} }, enabled: true }];
const runs = (procedure: string) => [
  { execution: { type: 'RunProcedure', params: { procedure } }, enabled: true },
];
const push = () => githubPush('main');
const signed = (body: string, secret = SECRET) => githubPushHeaders(body, secret, newDelivery());

/**
 * A procedure's webhook runs it as the user who last wrote it, with that user's rights, where
 * Komodo runs it as an admin; its deliveries are verified and act once, whatever URL they hit.
 */
describe('security: procedure webhooks', () => {
  let monitor: EmbeddedMonitor;
  let writer: ApiClient;
  let writerId: string;

  const hook = (path: string, body: string, headers: Record<string, string>) =>
    deliver(`${monitor.url}/listener/github/procedure/${path}`, body, headers);
  const runsOf = (name: string) => {
    const id = monitor.runtime.readModel.resource('Procedure', name)!.id;
    return monitor.runtime.readModel.listUpdates(
      (u) => u.target?.id === id && u.operation === 'RunProcedure',
    ).length;
  };

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    writer = (await enabledUser(monitor, 'hook-writer')).client;
    writerId = (
      await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'hook-writer' })
    )._id.$oid;
    await monitor.admin.write('CreateProcedure', {
      name: 'guarded',
      config: { stages: [{ name: 'inner', enabled: true, executions: none }] },
    });
    const outer = await monitor.admin.write<{ _id: { $oid: string } }>('CreateProcedure', {
      name: 'outer',
      config: {
        stages: [{ name: 'nested', enabled: true, executions: runs('guarded') }],
        webhook_secret: SECRET,
      },
    });
    await grant(monitor.admin, writerId, { type: 'Procedure', id: outer._id.$oid }, 'Write');
    await monitor.admin.write('CreateProcedure', {
      name: 'other',
      config: {
        stages: [{ name: 'inner', enabled: true, executions: none }],
        webhook_secret: OTHER_SECRET,
      },
    });
  }, 60_000);
  afterAll(() => monitor?.destroy());

  it('a push runs as the last writer, not as an admin: what the writer may not execute fails and runs nothing', async () => {
    await writer.write('UpdateProcedure', {
      id: 'outer',
      config: { failure_alert: false },
    });
    const body = push();
    const answer = await hook('outer/main', body, signed(body));
    expect(answer.status).toBe(202);
    const run = await completed(monitor.admin, (await answer.json()) as Update);
    expect(run.operator).toBe(writerId);
    expect(run.success).toBe(false);
    expect(JSON.stringify(run.logs)).toContain(
      "RunProcedure: the run's user needs Execute permission on Procedure 'guarded'",
    );
    expect(runsOf('guarded')).toBe(0);
  });

  it("a delivery signed with another procedure's secret is refused 401 and runs nothing", async () => {
    const before = runsOf('outer');
    const body = push();
    const answer = await hook('outer/main', body, signed(body, OTHER_SECRET));
    expect(answer.status).toBe(401);
    expect(runsOf('outer')).toBe(before);
    expect(runsOf('other')).toBe(0);
  });

  it('a delivery acts once, though sent again to the __ANY__ URL or another branch URL', async () => {
    const body = push();
    const headers = signed(body, OTHER_SECRET);
    const first = await hook('other/main', body, headers);
    expect(first.status).toBe(202);
    expect((await completed(monitor.admin, (await first.json()) as Update)).success).toBe(true);
    for (const path of ['other/__ANY__', 'other/main']) {
      const again = await hook(path, body, headers);
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: string }).error).toMatch(/a delivery acts once/);
    }
    expect(runsOf('other')).toBe(1);
  });

  it('the legitimate use works: saved by an admin, the push runs what it names', async () => {
    await monitor.admin.write('UpdateProcedure', {
      id: 'outer',
      config: { failure_alert: true },
    });
    const body = push();
    const answer = await hook('outer/main', body, signed(body));
    expect(answer.status).toBe(202);
    const run = await completed(monitor.admin, (await answer.json()) as Update);
    expect(run.success).toBe(true);
    expect(runsOf('guarded')).toBe(1);
  });
});
