import type { Types } from 'komodo_client';
import { resourceStream } from '@monitor/domain';
import { createEventStore, type EventStoreHandle } from '@monitor/eventstore';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import {
  startDistributed,
  type DistributedMonitor,
  type Komodo,
} from '../support/distributed-monitor';
import { eventually } from '../support/eventually';
import { EVERY_KIND_NAMES, everyKindToml } from '../support/every-kind-toml';
import { gitProvider, gitSource } from '../support/git-accounts';
import { expectNoSecret } from '../support/secret-search';
import { deliver, githubPush, githubPushHeaders, newDelivery } from '../support/signed-webhook';

interface FieldChange {
  path: string;
  current: unknown;
  proposed: unknown;
}
/** Komodo's ResourceSync, each planned change with Monitor's field diff beside it. */
type PlannedSync = Omit<Types.ResourceSync, 'info'> & {
  info: Omit<Types.ResourceSyncInfo, 'resource_updates'> & {
    resource_updates: (Types.ResourceDiff & { fields: FieldChange[] })[];
    pending_commit?: string;
  };
};
interface HistoryEntry {
  type: string;
  via: string;
  causation_id?: string;
  origin?: { type: string; id: string; commit?: string };
}

const USER = 'dist-syncer';
const TOKEN = 'dist-sync-git-token-6620-secret';
const HOOK_SECRET = 'dist-sync-hook-secret-4471';
const SECRET_VALUE = 'dist-sync-variable-secret-8813';
const REPO = 'acme/everything';
const EVERY_KIND = everyKindToml({ secret: SECRET_VALUE });
const PUSHED = EVERY_KIND.replace('localhost/d1:1', 'localhost/d1:2').replace(
  'https://s1.local:8120',
  'https://s1-moved.local:8120',
);

/**
 * Issue 16's first check in distributed mode: the gateway, the deployer, builder, procedures,
 * alerter and sync services each their own process on NATS with the JetStream store, driven by
 * komodo_client where Komodo has the request; the sync's files in a git repository served by
 * `git http-backend` with basic auth, its webhooks signed as GitHub signs them.
 */
describe('a sync declaring every kind, in distributed mode', () => {
  let monitor: DistributedMonitor;
  let komodo: Komodo;
  let git: GitHttpServer;
  let events: EventStoreHandle;
  let syncId: string;
  let adminId: string;
  /** Every answer the test was given, searched for the secret variable's value at the end. */
  const answers: unknown[] = [];
  const seen = <T>(answer: T): T => {
    answers.push(answer);
    return answer;
  };

  const completed = (update: Types.Update, ms = 90_000) =>
    eventually(async () => {
      const current = seen(await komodo.read('GetUpdate', { id: update._id!.$oid }));
      expect(current.status).toBe('Complete');
      return current;
    }, ms);
  const refresh = async () =>
    seen(await komodo.write('RefreshResourceSyncPending', { sync: syncId })) as PlannedSync;
  const hook = async (action: 'refresh' | 'sync', commit: string) => {
    const body = githubPush('main', commit, { repository: { full_name: REPO } });
    const answer = await deliver(
      `${monitor.gateway.url}/listener/github/sync/${syncId}/${action}`,
      body,
      githubPushHeaders(body, HOOK_SECRET, newDelivery()),
    );
    expect(answer.status).toBe(202);
    return seen((await answer.json()) as Types.Update);
  };

  beforeAll(async () => {
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    await git.createRepo(REPO, { 'resources.toml': EVERY_KIND });
    monitor = await startDistributed(
      'syncall',
      ['deployer', 'builder', 'procedures', 'alerter', 'sync'],
      { MONITOR_SYNC_POLL_INTERVAL_MS: '0' },
    );
    komodo = monitor.komodo;
    const { env } = monitor;
    events = await createEventStore({
      kind: 'jetstream',
      servers: env.MONITOR_NATS_URL,
      stream: env.MONITOR_EVENT_STORE_STREAM,
      prefix: env.MONITOR_EVENT_STORE_SUBJECT_PREFIX,
    });
    adminId = (await komodo.read('FindUser', { user: 'admin' }))._id!.$oid;
  }, 240_000);

  afterAll(async () => {
    await events?.store.close();
    await monitor?.stop();
    await git?.stop();
  });

  it('RunSync creates every kind, the variables and the user group; the next plan is empty', async () => {
    const domain = gitProvider(git);
    await komodo.write('CreateGitProviderAccount', {
      account: { domain, username: USER, token: TOKEN },
    });
    const sync = await komodo.write('CreateResourceSync', {
      name: 'everything',
      config: {
        ...gitSource(domain, USER, REPO),
        resource_path: ['resources.toml'],
        include_variables: true,
        include_user_groups: true,
        webhook_enabled: true,
        webhook_secret: HOOK_SECRET,
      },
    });
    syncId = sync._id!.$oid;
    const plan = await refresh();
    expect(plan.info.pending_error).toBeUndefined();
    expect(plan.info.resource_updates.map((u) => [u.target.type, u.data.type]).sort()).toEqual(
      EVERY_KIND_NAMES.map(([kind]) => [kind, 'Create']).sort(),
    );
    expect(plan.info.variable_updates).toHaveLength(2);
    expect(plan.info.user_group_updates).toHaveLength(1);

    const done = await completed(await komodo.execute('RunSync', { sync: syncId }));
    expect(done.logs.filter((l) => !l.success).map((l) => `${l.stage}: ${l.stderr}`)).toEqual([]);
    expect(done.success).toBe(true);

    const s1 = seen(await komodo.read('GetServer', { server: 's1' }));
    expect(s1.config?.address).toBe('https://s1.local:8120');
    const d1 = seen(await komodo.read('GetDeployment', { deployment: 'd1' }));
    expect(d1.config).toMatchObject({
      server_id: s1._id!.$oid,
      image: { type: 'Image', params: { image: 'localhost/d1:1' } },
    });
    const st1 = seen(await komodo.read('GetStack', { stack: 'st1' }));
    expect(st1.config?.file_contents).toContain('image: localhost/st1:1');
    expect(seen(await komodo.read('GetRepo', { repo: 'r1' })).config?.repo).toBe('acme/r1');
    const bld1 = seen(await komodo.read('GetBuilder', { builder: 'bld1' }));
    expect(bld1.config).toMatchObject({ type: 'Server', params: { server_ids: [s1._id!.$oid] } });
    const b1 = seen(await komodo.read('GetBuild', { build: 'b1' }));
    expect(b1.config).toMatchObject({ builder_id: bld1._id!.$oid, repo: 'acme/b1' });
    const p1 = seen(await komodo.read('GetProcedure', { procedure: 'p1' }));
    expect(p1.config?.stages?.map((s) => s.name)).toEqual(['ship']);
    const a1 = seen(await komodo.read('GetAction', { action: 'a1' }));
    expect(a1.config?.file_contents).toBe("console.log('hello')");
    const rs1 = seen(await komodo.read('GetResourceSync', { sync: 'rs1' }));
    expect(rs1.config?.resource_path).toEqual(['other.toml']);
    const al1 = seen(await komodo.read('GetAlerter', { alerter: 'al1' }));
    // An endpoint's URL may carry a token: sealed, and answered masked.
    expect(al1.config).toMatchObject({ enabled: false, endpoint: { type: 'Custom' } });
    // ServerTemplate left Komodo in 2.0 (komodo_client has no request for it): Monitor's API.
    const t1 = seen(
      await monitor.admin.read<{ config: Record<string, unknown> }>('GetServerTemplate', {
        server_template: 't1',
      }),
    );
    expect(t1.config).toMatchObject({ type: 'Aws', params: { region: 'eu-west-1' } });

    expect(seen(await komodo.read('GetVariable', { name: 'REGION' })).value).toBe('eu-1');
    expect(seen(await komodo.read('GetVariable', { name: 'TOKEN' })).is_secret).toBe(true);
    const readers = seen(await komodo.read('GetUserGroup', { user_group: 'readers' }));
    const granted = seen(
      await komodo.read('ListUserTargetPermissions', {
        user_target: { type: 'UserGroup', id: readers._id!.$oid },
      }),
    );
    expect(granted.map((p) => [p.resource_target.type, p.resource_target.id, p.level])).toEqual([
      ['Deployment', d1._id!.$oid, 'Read'],
    ]);

    const after = await refresh();
    expect(after.info.resource_updates).toEqual([]);
    expect(after.info.variable_updates).toEqual([]);
    expect(after.info.user_group_updates).toEqual([]);
  });

  it("a pushed change shows its field diff on a signed refresh; a signed sync applies it, each change's history naming the sync and the commit", async () => {
    const head = await git.commitFiles(REPO, { 'resources.toml': PUSHED }, 'd1 to 2, s1 moved');

    const refreshed = await completed(await hook('refresh', head));
    expect(refreshed).toMatchObject({ operation: 'RefreshResourceSyncPending', success: true });
    const { info } = seen(await komodo.read('GetResourceSync', { sync: syncId })) as PlannedSync;
    expect(info.pending_commit).toBe(head);
    expect(info.resource_updates.map((u) => [u.target.type, u.data.type, u.fields])).toEqual([
      [
        'Server',
        'Update',
        [
          {
            path: 'config.address',
            current: 'https://s1.local:8120',
            proposed: 'https://s1-moved.local:8120',
          },
        ],
      ],
      [
        'Deployment',
        'Update',
        [
          {
            path: 'config.image.params.image',
            current: 'localhost/d1:1',
            proposed: 'localhost/d1:2',
          },
        ],
      ],
    ]);
    expect(info.variable_updates).toEqual([]);

    const run = await completed(await hook('sync', head));
    expect(run).toMatchObject({ operation: 'RunSync', success: true, operator: adminId });
    const d1 = seen(await komodo.read('GetDeployment', { deployment: 'd1' }));
    expect(d1.config?.image).toEqual({ type: 'Image', params: { image: 'localhost/d1:2' } });
    const s1 = seen(await komodo.read('GetServer', { server: 's1' }));
    expect(s1.config?.address).toBe('https://s1-moved.local:8120');

    for (const [kind, id] of [
      ['Server', s1._id!.$oid],
      ['Deployment', d1._id!.$oid],
    ] as const) {
      const history = seen(
        await monitor.admin.read<HistoryEntry[]>('GetResourceHistory', {
          target: { type: kind, id },
        }),
      );
      expect(history.at(-1)).toMatchObject({
        type: `${kind}ConfigUpdated`,
        user: adminId,
        via: 'sync',
        causation_id: run._id!.$oid,
        origin: { type: 'ResourceSync', id: syncId, commit: head },
      });
      const stored = await events.store.readStream(resourceStream(kind, id));
      expect(stored.at(-1)!.metadata).toMatchObject({
        userId: adminId,
        via: 'sync',
        causationId: run._id!.$oid,
        origin: { type: 'ResourceSync', id: syncId, commit: head },
      });
    }

    const next = await refresh();
    expect(next.info.pending_commit).toBe(head);
    expect(next.info.resource_updates).toEqual([]);
    expect(next.info.variable_updates).toEqual([]);
    expect(next.info.user_group_updates).toEqual([]);
  });

  it("the secret variable's value (nor the git token or webhook secret) is in no Update, answer, plan or the sync's events", async () => {
    seen(await komodo.read('ListVariables', {}));
    seen(await komodo.read('GetResourceSync', { sync: syncId }));
    for (let page: number | undefined = 0; page !== undefined;) {
      const listed: Types.ListUpdatesResponse = seen(await komodo.read('ListUpdates', { page }));
      for (const update of listed.updates) seen(await komodo.read('GetUpdate', { id: update.id }));
      page = listed.next_page ?? undefined;
    }
    expect(answers.length).toBeGreaterThan(40);
    const shown = JSON.stringify(answers);
    expect(shown).toContain('"name":"TOKEN"');
    // The files as read (the sync's remote_contents) show it masked too.
    expect(shown).toContain('value = \\"*****\\"');
    const refreshes = await events.store.readStream(resourceStream('ResourceSync', syncId));
    expect(refreshes.map((e) => e.type)).toContain('ResourceSyncRefreshed');
    expectNoSecret([shown, refreshes], [SECRET_VALUE, TOKEN, HOOK_SECRET]);
  });
});
