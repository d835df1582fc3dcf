import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRemote } from '@monitor/git-remote';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { api, signUp, type ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { addGitAccount, gitSource } from '../../support/git-accounts';
import type { UpdateView as Update } from '../../support/updates';

const USER = 'writer';
const TOKEN = 'sync-writes-token-6120-secret';
const SERVER = '[[server]]\nname = "box"\n[server.config]\naddress = "https://box.local:8120"\n';

/**
 * WriteSyncFileContents and CommitSync write files users then read: paths never leave the
 * sync's folder or repository, the caller needs Write on the sync, and a commit writes only
 * what the caller may read.
 */
describe('security: writing a sync’s files', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let member: ApiClient;
  let outside: string;
  const folder = () => join(monitor.dataDir, 'syncs', 'host');
  const writeFile = (client: ApiClient, params: object) =>
    client.call('write', 'WriteSyncFileContents', { sync: 'host', contents: SERVER, ...params });

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_SYNC_POLL_INTERVAL_MS: '0',
    });
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    member = api(monitor.url, await signUp(monitor.url, 'member'));
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'member',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    await monitor.admin.write('CreateResourceSync', {
      name: 'host',
      config: { files_on_host: true, resource_path: ['resources.toml'], managed: true },
    });
    outside = mkdtempSync(join(tmpdir(), 'monitor-sync-outside-'));
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
    rmSync(outside, { recursive: true, force: true });
  });

  it('writes a host file under the sync folder and refreshes the plan (the legitimate use)', async () => {
    const answer = await writeFile(monitor.admin, {
      resource_path: '',
      file_path: 'resources.toml',
    });
    expect(answer.status).toBe(200);
    expect((answer.body as unknown as Update).success).toBe(true);
    expect(readFileSync(join(folder(), 'resources.toml'), 'utf8')).toBe(SERVER);
    const sync = await monitor.admin.read<{ info: { resource_updates: unknown[] } }>(
      'GetResourceSync',
      { sync: 'host' },
    );
    expect(sync.info.resource_updates).toHaveLength(1);
  });

  it.each([
    ['a .. in file_path', { resource_path: '', file_path: '../escape.toml' }, 'file_path'],
    ['an absolute resource_path', { resource_path: '/tmp', file_path: 'x.toml' }, 'resource_path'],
    ['a .. in resource_path', { resource_path: 'a/../..', file_path: 'x.toml' }, 'resource_path'],
    ['a path into .git', { resource_path: '.git', file_path: 'config' }, 'resource_path'],
  ])('refuses %s (400 naming the field), writing nothing', async (_, params, field) => {
    const answer = await writeFile(monitor.admin, params);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(field);
    expect(existsSync(join(monitor.dataDir, 'syncs', 'escape.toml'))).toBe(false);
    expect(existsSync('/tmp/x.toml')).toBe(false);
  });

  it('refuses a symbolic link in the folder leading out, creating nothing outside', async () => {
    mkdirSync(folder(), { recursive: true });
    symlinkSync(outside, join(folder(), 'link'));
    symlinkSync(join(outside, 'target.toml'), join(folder(), 'linked.toml'));
    for (const [resource_path, file_path, says] of [
      ['link', 'x.toml', /leads out of the sync folder/],
      ['link/new', 'x.toml', /leads out of the sync folder/],
      ['', 'linked.toml', /is a symbolic link/],
    ] as const) {
      const answer = await writeFile(monitor.admin, { resource_path, file_path });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(says);
    }
    expect(existsSync(join(outside, 'target.toml'))).toBe(false);
    expect(existsSync(join(outside, 'x.toml'))).toBe(false);
    expect(existsSync(join(outside, 'new'))).toBe(false);
  });

  it('needs Write on the sync: Execute is refused (403) for both writes, nothing written', async () => {
    await monitor.admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'member' },
      resource_target: { type: 'ResourceSync', id: 'host' },
      permission: 'Execute',
    });
    const before = readFileSync(join(folder(), 'resources.toml'), 'utf8');
    const write = await writeFile(member, {
      resource_path: '',
      file_path: 'resources.toml',
      contents: '[[server]]\nname = "mine"\n',
    });
    expect(write.status).toBe(403);
    const commit = await member.call('write', 'CommitSync', { sync: 'host' });
    expect(commit.status).toBe(403);
    const executed = await member.call('execute', 'CommitSync', { sync: 'host' });
    expect(executed.status).toBe(403);
    expect(readFileSync(join(folder(), 'resources.toml'), 'utf8')).toBe(before);
  });

  it('CommitSync writes only what the caller may read: the rest stays out of the files', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'hidden',
      config: { address: 'https://hidden.local:8120' },
    });
    await monitor.admin.write('CreateServer', {
      name: 'shown',
      config: { address: 'https://shown.local:8120' },
    });
    for (const [type, id] of [
      ['ResourceSync', 'host'],
      ['Server', 'shown'],
    ])
      await monitor.admin.write('UpdatePermissionOnTarget', {
        user_target: { type: 'User', id: 'member' },
        resource_target: { type, id },
        permission: type === 'ResourceSync' ? 'Write' : 'Read',
      });
    const update = await member.write<Update>('CommitSync', { sync: 'host' });
    expect(update.success).toBe(true);
    const text = readFileSync(join(folder(), 'resources.toml'), 'utf8');
    expect(text).toContain('name = "shown"');
    expect(text).not.toContain('hidden');
    expect(update.logs[0].stdout).toContain("Server 'hidden': no Read permission, left as written");
  });

  it('commits a git file with the account token, at the path asked only', async () => {
    await git.createRepo('acme/w', { 'sync/a.toml': SERVER });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    await monitor.admin.write('CreateResourceSync', {
      name: 'repo-sync',
      config: { ...gitSource(provider, USER, 'acme/w'), resource_path: ['sync'] },
    });
    const escape = await monitor.admin.call('write', 'WriteSyncFileContents', {
      sync: 'repo-sync',
      resource_path: 'sync',
      file_path: '../../outside.toml',
      contents: SERVER,
    });
    expect(escape.status).toBe(400);
    const update = await monitor.admin.write<Update>('WriteSyncFileContents', {
      sync: 'repo-sync',
      resource_path: 'sync',
      file_path: 'b.toml',
      contents: SERVER.replace('"box"', '"box2"'),
    });
    expect(update.success).toBe(true);
    expect(JSON.stringify(update)).not.toContain(TOKEN);
    const read = await readRemote(
      { url: git.url('acme/w'), branch: 'main', username: USER, token: TOKEN },
      ['sync'],
      { folders: { suffix: '.toml' } },
    );
    expect(read.files.map((f) => f.path)).toEqual(['sync/a.toml', 'sync/b.toml']);
    expect(read.commit.message).toBe('admin: Commit Resource File');
  });
});
