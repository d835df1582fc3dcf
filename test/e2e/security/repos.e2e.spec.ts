import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import {
  expectRefused as refused,
  startSecurityScene,
  type SecurityScene,
} from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';

type Named = { name: string };

/**
 * Issue 13, Repos: what a Repo points at and what it runs on its server. Every attempt is made
 * through the API by an ordinary user and must fail with a clear 4xx and change nothing; the
 * legitimate use beside it still works.
 */
describe('security: a Repo names a server only with Attach, runs commands only with Terminal', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let users: SecurityScene['users'];
  let grant: SecurityScene['grant'];
  const command = { path: '', command: 'touch /tmp/owned-by-repo' };

  const repos = async () => (await admin.read<Named[]>('ListRepos')).map((r) => r.name);
  const repoUpdates = () =>
    monitor.runtime.readModel.listUpdates((u) => u.target?.type === 'Repo').length;

  beforeAll(async () => {
    ({ monitor, admin, users, grant } = await startSecurityScene([
      'mallory',
      'alice',
      'tom',
      'bob',
    ]));
    await grant('alice', 'Server', 'local', 'Read', ['Attach']);
    await grant('tom', 'Server', 'local', 'Read', ['Attach', 'Terminal']);
    await admin.write('CreateBuilder', { name: 'private-builder' });
    await admin.write('CreateRepo', {
      name: 'admins-repo',
      config: { server_id: 'local', repo: 'acme/secret' },
    });
    await grant('bob', 'Repo', 'admins-repo', 'Read');
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('refuses a Repo on a server, or a builder, the user may not attach', async () => {
    await refused(
      users.mallory,
      'write',
      'CreateRepo',
      { name: 'mallory-repo', config: { server_id: 'local', repo: 'acme/x' } },
      403,
      /config\.server_id: you need Attach \(with Read\) or Write on Server 'local'/,
    );
    await refused(
      users.alice,
      'write',
      'CreateRepo',
      { name: 'alice-built', config: { server_id: 'local', builder_id: 'private-builder' } },
      403,
      /config\.builder_id: .* on Builder 'private-builder'/,
    );
    expect(await repos()).not.toEqual(expect.arrayContaining(['mallory-repo', 'alice-built']));
  });

  it('refuses on_clone and on_pull without Terminal, at write time', async () => {
    for (const field of ['on_clone', 'on_pull']) {
      await refused(
        users.alice,
        'write',
        'CreateRepo',
        { name: 'alice-cmd', config: { server_id: 'local', [field]: command } },
        403,
        new RegExp(`${field}: runs 'touch /tmp/owned-by-repo' on the host.*needs Terminal`),
      );
    }
    await users.alice.write('CreateRepo', { name: 'alice-repo', config: { server_id: 'local' } });
    await refused(
      users.alice,
      'write',
      'UpdateRepo',
      { id: 'alice-repo', config: { on_pull: command } },
      403,
      /on_pull: .* needs Terminal/,
    );
    const repo = await admin.read<{ config: { on_pull: { command: string } } }>('GetRepo', {
      repo: 'alice-repo',
    });
    expect(repo.config.on_pull.command).toBe('');
    expect(await repos()).not.toContain('alice-cmd');
  });

  it('checks the writer again when the commands run: Terminal revoked, nothing runs', async () => {
    await users.tom.write('CreateRepo', {
      name: 'tom-repo',
      config: { server_id: 'local', repo: 'acme/tools', on_clone: command },
    });
    await grant('tom', 'Server', 'local', 'Read', ['Attach']);
    const update = await completed(
      admin,
      await admin.execute<UpdateView>('CloneRepo', { repo: 'tom-repo' }),
    );
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('host access');
    expect(failed.stderr).toMatch(/on_clone: .*no Terminal on that server/);
    expect(update.logs.map((l) => l.stage)).not.toContain('clone repo');
  });

  it('refuses executions without Execute on the Repo, and batches skip what it cannot run', async () => {
    const before = repoUpdates();
    await refused(users.bob, 'execute', 'CloneRepo', { repo: 'admins-repo' }, 403, /Execute/);
    await refused(users.bob, 'execute', 'PullRepo', { repo: 'admins-repo' }, 403, /Execute/);
    await refused(users.bob, 'write', 'RefreshRepoCache', { repo: 'admins-repo' }, 403, /Execute/);
    await refused(users.mallory, 'execute', 'CloneRepo', { repo: 'admins-repo' }, 403, /None/);
    expect(await users.bob.execute('BatchCloneRepo', { pattern: '*' })).toEqual([]);
    expect(repoUpdates()).toBe(before);
  });

  it("refuses to clone into another Repo's folder, where its commands would run what was put there", async () => {
    for (const [name, path] of [
      ['alice-squat', 'admins-repo'],
      ['alice-inside', 'admins-repo/sub'],
    ]) {
      await users.alice.write('CreateRepo', {
        name,
        config: { server_id: 'local', repo: 'alice/evil', path },
      });
      const update = await completed(
        admin,
        await users.alice.execute<UpdateView>('CloneRepo', { repo: name }),
      );
      expect(update.success).toBe(false);
      const failed = update.logs.find((l) => !l.success)!;
      expect([failed.stage, failed.stderr]).toEqual([
        'repo folder',
        expect.stringMatching(/config\.path: .* clashes with Repo 'admins-repo'/),
      ]);
      expect(update.logs.map((l) => l.stage)).not.toContain('clone repo');
    }
  });

  it('refuses paths that leave the repo folder (400 naming the field)', async () => {
    for (const [field, config] of [
      ['config.path', { path: '../../etc' }],
      ['config.on_pull.path', { on_pull: { path: '/root', command: '' } }],
      ['config.env_file_path', { env_file_path: '../.bashrc' }],
      // core.fsmonitor in .git/config would run on the next git step, without Terminal.
      ['config.env_file_path', { env_file_path: '.git/config' }],
    ] as const) {
      const answer = await users.alice.call<{ error: string; code: string }>(
        'write',
        'UpdateRepo',
        { id: 'alice-repo', config },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain(field.slice('config.'.length));
    }
  });
});
