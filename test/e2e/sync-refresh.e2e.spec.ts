import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
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
    pending_error?: string;
    pending_hash?: string;
    pending_commit?: string;
    pending_problems: { file: string; line: number; field: string; severity: string }[];
    remote_contents: { path: string }[];
  };
}

const USER = 'syncer';
const TOKEN = 'sync-token-2207-secret';

const FILE = `
[[server]]
name = "edge"
[server.config]
address = "https://edge.local:8120"

[[deployment]]
name = "web"
deploy = false
[deployment.config]
server = "edge"
image.type = "Image"
image.params.image = "localhost/web:1"
`;

/** RefreshResourceSyncPending: a sync's files read, checked and planned, the plan on the sync. */
describe('refreshing a sync: files in, a plan field by field out', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;

  const refresh = (sync: string) =>
    monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', { sync });

  beforeAll(async () => {
    monitor = await startEmbedded();
    git = await startGitHttpServer({ username: USER, password: TOKEN });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  it('plans the UI file: a create per declaration, fields named; the sync is Pending', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: 'ui',
      config: { file_contents: FILE },
    });
    const answer = await refresh('ui');
    expect(answer.info.pending_error).toBeUndefined();
    expect(answer.info.resource_updates.map((u) => [u.target.type, u.data.type])).toEqual([
      ['Server', 'Create'],
      ['Deployment', 'Create'],
    ]);
    const web = answer.info.resource_updates[1];
    expect(web.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['config.image.params.image', 'config.server_id']),
    );
    expect(answer.info.pending_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await monitor.admin.read<{ name: string; info: { state: string } }[]>(
      'ListResourceSyncs',
      {},
    );
    expect(list.find((s) => s.name === 'ui')?.info.state).toBe('Pending');
  });

  it('a file with errors plans nothing: pending_error names file:line:field', async () => {
    const broken = FILE.replace('image.params.image = "localhost/web:1"', 'image.params.image = 7');
    await monitor.admin.write('CreateResourceSync', {
      name: 'broken',
      config: { file_contents: broken },
    });
    const answer = await refresh('broken');
    expect(answer.info.resource_updates).toEqual([]);
    expect(answer.info.pending_error).toMatch(
      /^database file:13:deployment\[web\]\.config\.image\.params\.image: /m,
    );
    expect(answer.info.pending_problems[0]).toMatchObject({
      file: 'database file',
      line: 13,
      severity: 'error',
    });
  });

  it('reads a private repository at its branch, folder and file, and names the commit', async () => {
    const head = await git.createRepo('acme/infra', {
      'sync/servers.toml': FILE.split('[[deployment]]')[0],
      'sync/apps/web.toml': `[[deployment]]${FILE.split('[[deployment]]')[1]}`,
      'sync/notes.md': 'not read',
      'other.toml': '[[server]]\nname = "elsewhere"\n',
    });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    await monitor.admin.write('CreateResourceSync', {
      name: 'git',
      config: { ...gitSource(provider, USER, 'acme/infra'), resource_path: ['sync'] },
    });
    const answer = await refresh('git');
    expect(answer.info.pending_commit).toBe(head);
    expect(answer.info.remote_contents.map((f) => f.path)).toEqual([
      'sync/apps/web.toml',
      'sync/servers.toml',
    ]);
    expect(answer.info.resource_updates).toHaveLength(2);
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
  });

  it('the execution form answers an Update at once whose log tells what was read and planned', async () => {
    const update = await monitor.admin.execute<Update>('RefreshResourceSyncPending', {
      sync: 'ui',
    });
    const done = await completed(monitor.admin, update, 30_000);
    expect(done.success).toBe(true);
    expect(done.logs.map((l) => l.stage)).toEqual(['read files', 'plan']);
    expect(done.logs[1].stdout).toContain("Create Deployment 'web'");
  });

  it('a refresh that finds the same plan records nothing new', async () => {
    const { _id } = await monitor.admin.read<SyncAnswer>('GetResourceSync', { sync: 'ui' });
    const stream = `resourcesync-${_id.$oid}`;
    const before = (await monitor.runtime.store.readStream(stream)).length;
    await refresh('ui');
    expect((await monitor.runtime.store.readStream(stream)).length).toBe(before);
  });
});
