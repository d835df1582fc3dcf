import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { addGitAccount, gitSource } from '../support/git-accounts';
import { completed, type UpdateView as Update } from '../support/updates';

interface SyncAnswer {
  info: {
    resource_updates: { data: { type: string } }[];
    pending_error?: string;
    pending_delete_guard?: {
      deletes: number;
      needsConfirm: boolean;
      declaresNothing: boolean;
      withheld: number;
    };
  };
}

const USER = 'keeper';
const TOKEN = 'safety-token-5120-secret';
const COUNT = 40;
const deployments = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `[[deployment]]\nname = "svc-${from + i}"\n`).join(
    '\n',
  );

/**
 * Komodo users have lost whole setups to one commit: a sync with `delete = true` whose files
 * vanish, whose path breaks, or which drop most of what they declared, deletes nothing unless
 * the deletes are confirmed.
 */
describe('a sync never deletes much unconfirmed', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;

  const count = () =>
    monitor.runtime.readModel.list('Deployment').filter((d) => d.name.startsWith('svc-')).length;
  const refresh = () =>
    monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', { sync: 'fleet' });
  const runSync = (params: object = {}) =>
    monitor.admin.call('execute', 'RunSync', { sync: 'fleet', ...params });
  const commit = (files: Record<string, string | null>, message: string) =>
    git.commitFiles('acme/fleet', files, message);

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_SYNC_POLL_INTERVAL_MS: '0' });
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    await git.createRepo('acme/fleet', {
      'stacks/a.toml': deployments(0, COUNT / 2),
      'stacks/b.toml': deployments(COUNT / 2, COUNT),
    });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    await monitor.admin.write('CreateResourceSync', {
      name: 'fleet',
      config: {
        ...gitSource(provider, USER, 'acme/fleet'),
        resource_path: ['stacks'],
        delete: true,
      },
    });
    const run = await monitor.admin.execute<Update>('RunSync', { sync: 'fleet' });
    expect((await completed(monitor.admin, run, 60_000)).success).toBe(true);
    expect(count()).toBe(COUNT);
  }, 90_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  it('a commit emptying the folder plans nothing and deletes nothing', async () => {
    await commit(
      { 'stacks/a.toml': null, 'stacks/b.toml': null, 'README.md': 'moved\n' },
      'move everything away',
    );
    const answer = await refresh();
    expect(answer.info.pending_error).toMatch(/stacks/);
    expect(answer.info.resource_updates).toEqual([]);
    expect((await runSync()).status).toBe(400);
    expect(count()).toBe(COUNT);
  });

  it('a path that names nothing (a typo, a renamed folder) deletes nothing', async () => {
    await commit(
      {
        'stacks/a.toml': deployments(0, COUNT / 2),
        'stacks/b.toml': deployments(COUNT / 2, COUNT),
      },
      'back',
    );
    await monitor.admin.write('UpdateResourceSync', {
      id: 'fleet',
      config: { resource_path: ['stackz'] },
    });
    expect((await refresh()).info.pending_error).toMatch(/stackz/);
    expect((await runSync()).status).toBe(400);
    expect(count()).toBe(COUNT);
    await monitor.admin.write('UpdateResourceSync', {
      id: 'fleet',
      config: { resource_path: ['stacks'] },
    });
    expect((await refresh()).info.resource_updates).toEqual([]);
  });

  it('files that declare nothing withhold every delete', async () => {
    await commit({ 'stacks/a.toml': '# nothing here yet\n', 'stacks/b.toml': '\n' }, 'blank files');
    const guard = (await refresh()).info.pending_delete_guard;
    expect(guard).toMatchObject({ deletes: 0, declaresNothing: true, withheld: COUNT });
    const run = await monitor.admin.execute<Update>('RunSync', { sync: 'fleet' });
    await completed(monitor.admin, run, 60_000);
    expect(count()).toBe(COUNT);
  });

  it('dropping 30 of 40 needs confirm_deletes = 30; then they go', async () => {
    await commit({ 'stacks/a.toml': deployments(0, 10), 'stacks/b.toml': '' }, 'drop thirty');
    const answer = await refresh();
    expect(answer.info.pending_delete_guard).toMatchObject({ deletes: 30, needsConfirm: true });
    const unconfirmed = await runSync();
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(unconfirmed.body)).toContain('confirm_deletes');
    expect((await runSync({ confirm_deletes: 29 })).status).toBe(400);
    expect(count()).toBe(COUNT);
    const confirmed = await runSync({ confirm_deletes: 30 });
    expect(confirmed.status).toBe(200);
    await completed(monitor.admin, confirmed.body as unknown as Update, 60_000);
    expect(count()).toBe(10);
  });
});
