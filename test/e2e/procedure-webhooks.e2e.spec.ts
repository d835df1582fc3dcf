import { randomBytes } from 'node:crypto';
import { procedureRunStream } from '@monitor/domain';
import { freePort } from '../support/free-port';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
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

const SECRET = `run-hook-secret-${randomBytes(4).toString('hex')}`;

const pushTo = (branch: string) =>
  githubPush(branch, anyCommit(), { repository: { full_name: 'acme/hooked' } });

/**
 * Komodo's `/listener/<github|gitlab>/<procedure|action>/<id>/<branch>`: a verified push to the
 * branch the URL names (any, for `__ANY__`) runs the procedure or action once, as its last
 * writer.
 */
describe('procedure and action webhooks', () => {
  const run = randomBytes(3).toString('hex');
  let monitor: EmbeddedMonitor;
  let adminId: string;

  const hook = (path: string, body: string, headers: Record<string, string>) =>
    deliver(`${monitor.url}/listener/${path}`, body, headers);
  const signedPush = (path: string, branch: string, secret = SECRET) => {
    const body = pushTo(branch);
    return hook(path, body, githubPushHeaders(body, secret, newDelivery()));
  };
  const runsOf = (kind: string, name: string) => {
    const id = monitor.runtime.readModel.resource(kind as 'Procedure', name)!.id;
    return monitor.runtime.readModel.listUpdates(
      (u) => u.target?.id === id && u.operation === `Run${kind}`,
    ).length;
  };

  beforeAll(async () => {
    const port = await freePort();
    monitor = await startEmbedded({
      MONITOR_PORT: String(port),
      MONITOR_ACTIONS_API_URL: `http://127.0.0.1:${port}`,
      MONITOR_ACTIONS_TIMEOUT_MS: '10000',
    });
    adminId = (await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'admin' }))
      ._id.$oid;
    const stages = [
      {
        name: 'wait',
        enabled: true,
        executions: [{ execution: { type: 'None', params: {} }, enabled: true }],
      },
    ];
    for (const name of [`hooked-${run}`, `any-${run}`]) {
      await monitor.admin.write('CreateProcedure', {
        name,
        config: { stages, webhook_secret: SECRET },
      });
    }
    await monitor.admin.write('CreateProcedure', {
      name: `off-${run}`,
      config: { stages, webhook_secret: SECRET, webhook_enabled: false },
    });
    await monitor.admin.write('CreateAction', {
      name: `act-${run}`,
      config: { file_contents: `console.log('pushed');`, webhook_secret: SECRET },
    });
  }, 120_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('runs the procedure once on a signed push to its branch, as its last writer', async () => {
    const name = `hooked-${run}`;
    const body = pushTo('main');
    const headers = githubPushHeaders(body, SECRET, newDelivery());
    const answer = await hook(`github/procedure/${name}/main`, body, headers);
    expect(answer.status).toBe(202);
    const update = (await answer.json()) as Update;
    expect(update.operation).toBe('RunProcedure');
    const done = await completed(monitor.admin, update);
    expect(done.success).toBe(true);
    expect(done.operator).toBe(adminId);
    const [queued] = await monitor.runtime.store.readStream(procedureRunStream(update._id.$oid));
    expect(queued.data).toMatchObject({ starter: { by: 'webhook', userId: adminId } });

    // The same delivery again acts no more.
    expect((await hook(`github/procedure/${name}/main`, body, headers)).status).toBe(409);
    expect(runsOf('Procedure', name)).toBe(1);
  });

  it('ignores a push to another branch, refuses a bad signature or a disabled webhook', async () => {
    const name = `hooked-${run}`;
    const before = runsOf('Procedure', name);
    const other = await signedPush(`github/procedure/${name}/main`, 'feature');
    expect(other.status).toBe(202);
    expect(await other.json()).toEqual({
      ignored: true,
      message: `a push to 'feature' is ignored: Procedure '${name}' follows 'main'`,
    });
    const forged = await signedPush(`github/procedure/${name}/main`, 'main', 'not-the-secret');
    expect(forged.status).toBe(401);
    const gitlab = await hook(
      `gitlab/procedure/${name}/main`,
      gitlabPush('main'),
      gitlabPushHeaders('wrong'),
    );
    expect(gitlab.status).toBe(401);
    const off = await signedPush(`github/procedure/off-${run}/main`, 'main');
    expect(off.status).toBe(403);
    expect((await off.json()).error).toContain('webhook_enabled');
    expect((await signedPush(`github/procedure/no-such-${run}/main`, 'main')).status).toBe(404);
    expect(runsOf('Procedure', name)).toBe(before);
    expect(runsOf('Procedure', `off-${run}`)).toBe(0);
  });

  it('runs on a push to any branch when the URL says __ANY__, from GitHub or GitLab', async () => {
    const name = `any-${run}`;
    const answers = [
      await signedPush(`github/procedure/${name}/__ANY__`, 'feature/x'),
      await hook(`gitlab/procedure/${name}/__ANY__`, gitlabPush('main'), gitlabPushHeaders(SECRET)),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect((await completed(monitor.admin, (await answer.json()) as Update)).success).toBe(true);
    }
    expect(runsOf('Procedure', name)).toBe(2);
  });

  it('runs an action the same way: its branch, once, a bad signature refused', async () => {
    const name = `act-${run}`;
    const forged = await signedPush(`github/action/${name}/release`, 'release', 'wrong');
    expect(forged.status).toBe(401);
    const ignored = await signedPush(`github/action/${name}/release`, 'main');
    expect(await ignored.json()).toMatchObject({ ignored: true });
    expect(runsOf('Action', name)).toBe(0);
    const answer = await signedPush(`github/action/${name}/release`, 'release');
    expect(answer.status).toBe(202);
    const update = (await answer.json()) as Update;
    expect(update.operation).toBe('RunAction');
    const done = await completed(monitor.admin, update, 60_000);
    expect(done.success).toBe(true);
    expect(done.operator).toBe(adminId);
    expect(done.logs.map((l) => l.stdout).join('')).toContain('pushed');
    expect(runsOf('Action', name)).toBe(1);
  }, 90_000);
});
