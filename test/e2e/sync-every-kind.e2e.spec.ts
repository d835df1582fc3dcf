import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { EVERY_KIND_NAMES, everyKindToml } from '../support/every-kind-toml';
import { addGitAccount, gitSource } from '../support/git-accounts';
import { completed, type UpdateView as Update } from '../support/updates';

interface SyncAnswer {
  _id: { $oid: string };
  info: {
    resource_updates: {
      target: { type: string; id: string };
      data: { type: string };
      fields: { path: string }[];
    }[];
    variable_updates: unknown[];
    user_group_updates: unknown[];
    pending_error?: string;
    pending_commit?: string;
  };
}

const USER = 'ops';
const TOKEN = 'every-kind-token-9931-secret';

const EVERY_KIND = everyKindToml();

const KINDS = EVERY_KIND_NAMES;

/** A commit declaring every kind, a variable and a user group, applied and changed through git. */
describe('a sync from git declaring every kind', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let head: string;

  const refresh = () =>
    monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', { sync: 'all' });
  const run = async () =>
    completed(
      monitor.admin,
      await monitor.admin.execute<Update>('RunSync', { sync: 'all' }),
      60_000,
    );

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_SYNC_POLL_INTERVAL_MS: '0' });
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    head = await git.createRepo('acme/infra', { 'resources.toml': EVERY_KIND });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    await monitor.admin.write('CreateResourceSync', {
      name: 'all',
      config: {
        ...gitSource(provider, USER, 'acme/infra'),
        resource_path: ['resources.toml'],
        include_variables: true,
        include_user_groups: true,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  it('plans a create for each, applies them, and plans nothing after', async () => {
    const plan = await refresh();
    expect(plan.info.pending_error).toBeUndefined();
    expect(plan.info.pending_commit).toBe(head);
    expect(plan.info.resource_updates.map((u) => u.target.type).sort()).toEqual(
      KINDS.map(([k]) => k).sort(),
    );
    expect(plan.info.variable_updates).toHaveLength(1);
    expect(plan.info.user_group_updates).toHaveLength(1);
    const done = await run();
    expect(done.logs.filter((l) => !l.success).map((l) => `${l.stage}: ${l.stderr}`)).toEqual([]);
    expect(done.success).toBe(true);
    const model = monitor.runtime.readModel;
    for (const [kind, name] of KINDS) expect(model.resource(kind, name)?.name).toBe(name);
    const d1 = model.resource('Deployment', 'd1')!;
    expect(d1.config.server_id).toBe(model.resource('Server', 's1')!.id);
    expect(model.resource('Build', 'b1')!.config.builder_id).toBe(
      model.resource('Builder', 'bld1')!.id,
    );
    expect(d1.tags.map((t) => model.tag(t)?.name)).toEqual(['prod']);
    const st1 = model.resource('Stack', 'st1')!;
    expect(st1.tags.map((t) => model.tag(t)?.name).sort()).toEqual(['db', 'web']);
    expect(model.settings.variable('REGION')?.value).toBe('eu-1');
    expect(model.identity.group('readers')).toBeDefined();
    const after = await refresh();
    expect(after.info.resource_updates).toEqual([]);
    expect(after.info.variable_updates).toEqual([]);
    expect(after.info.user_group_updates).toEqual([]);
  });

  it('a pushed change shows its field diff; applied, the history names the sync and the commit', async () => {
    const next = await git.commitFiles(
      'acme/infra',
      { 'resources.toml': EVERY_KIND.replace('localhost/d1:1', 'localhost/d1:2') },
      'd1 to 2',
    );
    const plan = await refresh();
    expect(
      plan.info.resource_updates.map((u) => [u.target.type, u.fields.map((f) => f.path)]),
    ).toEqual([['Deployment', ['config.image.params.image']]]);
    const done = await run();
    expect(done.success).toBe(true);
    const d1 = monitor.runtime.readModel.resource('Deployment', 'd1')!;
    const events = await monitor.runtime.store.readStream(`deployment-${d1.id}`);
    const last = events.at(-1)!;
    expect(last.type).toBe('DeploymentConfigUpdated');
    const sync = await monitor.admin.read<SyncAnswer>('GetResourceSync', { sync: 'all' });
    expect(last.metadata).toMatchObject({
      via: 'sync',
      causationId: done._id.$oid,
      origin: { type: 'ResourceSync', id: sync._id.$oid, commit: next },
    });
    expect((await refresh()).info.resource_updates).toEqual([]);
  });
});
