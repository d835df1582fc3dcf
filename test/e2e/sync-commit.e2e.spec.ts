import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRemote } from '@monitor/git-remote';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { addGitAccount, gitSource } from '../support/git-accounts';
import { completed, type UpdateView as Update } from '../support/updates';

interface SyncAnswer {
  info: {
    resource_updates: unknown[];
    variable_updates: unknown[];
    pending_error?: string;
    pending_commit?: string;
  };
}

const USER = 'committer';
const TOKEN = 'commit-sync-token-5521-secret';
const REPO = 'acme/setup';

const SERVERS = `# Our servers: one per region.
[[server]]
name = "edge"
description = "the edge box" # keep this one
[server.config]
address = "https://edge.local:8120"

##

# The lab: for trying things.
[[server]]
name = "lab"
[server.config]
address = "https://lab.local:8120" # old address
`;

const APPS = `## Applications

[[deployment]]
name = "web"
[deployment.config]
server = "edge"
# pinned on purpose
image.type = "Image"
image.params.image = "localhost/web:1"

[[deployment]]
name = "worker"
[deployment.config]
server = "lab"
`;

const MISC = `# Shared values
[[variable]]
name = "REGION"
value = "eu-1"

[[variable]]
name = "GONE"
value = "declared only" # nothing of that name exists after the run
`;

/** CommitSync: what exists written into the sync's own files, each where it came from. */
describe('committing a sync: the current state written back into its files', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  const remote = () => ({ url: git.url(REPO), branch: 'main', username: USER, token: TOKEN });
  const files = async () => {
    const read = await readRemote(remote(), ['sync/servers.toml', 'sync/apps.toml', 'misc.toml']);
    return { commit: read.commit, text: read.files.map((f) => f.contents ?? '') };
  };
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

  it('keeps each file its other entries and comments, commits on the branch, and the next plan is empty', async () => {
    const first = await git.createRepo(REPO, {
      'sync/servers.toml': SERVERS,
      'sync/apps.toml': APPS,
      'misc.toml': MISC,
    });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    await monitor.admin.write('CreateResourceSync', {
      name: 'setup',
      config: {
        ...gitSource(provider, USER, REPO),
        resource_path: ['sync', 'misc.toml'],
        include_variables: true,
        managed: true,
      },
    });
    const applied = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('RunSync', { sync: 'setup' }),
      60_000,
    );
    expect(applied.success).toBe(true);
    await monitor.admin.write('DeleteVariable', { name: 'GONE' });
    await monitor.admin.write('UpdateDeployment', {
      id: 'web',
      config: { image: { type: 'Image', params: { image: 'localhost/web:2' } } },
    });
    await monitor.admin.write('CreateServer', {
      name: 'added',
      config: { address: 'https://added.local:8120' },
    });
    expect((await refresh('setup')).info.resource_updates.length).toBeGreaterThan(0);

    const update = await monitor.admin.write<Update>('CommitSync', { sync: 'setup' });
    expect(update.success).toBe(true);
    expect(JSON.stringify(update)).not.toContain(TOKEN);

    const after = await files();
    expect(after.commit.hash).not.toBe(first);
    expect(after.commit.message).toMatch(/Commit Sync 'setup'/);
    const [servers, apps, misc] = after.text;
    // Untouched entries and comments stay byte for byte; the new server joins the servers.
    expect(servers.startsWith(SERVERS)).toBe(true);
    expect(servers.slice(SERVERS.length)).toContain('name = "added"');
    expect(apps).toBe(APPS.replace('localhost/web:1', 'localhost/web:2'));
    expect(misc).toContain('# Shared values\n[[variable]]\nname = "REGION"\nvalue = "eu-1"\n');
    expect(misc).not.toContain('GONE');

    const plan = await refresh('setup');
    expect(plan.info.pending_error).toBeUndefined();
    expect(plan.info.pending_commit).toBe(after.commit.hash);
    expect(plan.info.resource_updates).toEqual([]);
    expect(plan.info.variable_updates).toEqual([]);
  });

  it('a sync that is not managed is refused (400) and its files stay as they are', async () => {
    const { hash } = (await files()).commit;
    await monitor.admin.write('UpdateResourceSync', { id: 'setup', config: { managed: false } });
    const refused = await monitor.admin.call('write', 'CommitSync', { sync: 'setup' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/managed/);
    expect((await files()).commit.hash).toBe(hash);
    await monitor.admin.write('UpdateResourceSync', { id: 'setup', config: { managed: true } });
  });

  it('the execution form (a procedure stage in Komodo 2) answers its Update at once, its stages telling what was written', async () => {
    await monitor.admin.write('UpdateDeployment', {
      id: 'web',
      config: { image: { type: 'Image', params: { image: 'localhost/web:3' } } },
    });
    const started = await monitor.admin.execute<Update>('CommitSync', { sync: 'setup' });
    const done = await completed(monitor.admin, started, 60_000);
    expect(done.success).toBe(true);
    expect(done.logs.map((l) => l.stage)).toEqual(['Resources', 'Write files', 'Refresh']);
    expect(done.logs[0].stdout).toContain("update Deployment 'web'");
    const { text } = await files();
    expect(text[1]).toContain('localhost/web:3');
  });

  it('writes a UI sync into its file_contents, as the caller', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: 'ui-managed',
      config: {
        managed: true,
        match_tags: [],
        file_contents:
          '# kept\n[[server]]\nname = "edge"\n[server.config]\naddress = "https://old.local:8120"\n',
      },
    });
    const update = await monitor.admin.write<Update>('CommitSync', { sync: 'ui-managed' });
    expect(update.success).toBe(true);
    const sync = await monitor.admin.read<{ config: { file_contents: string } }>(
      'GetResourceSync',
      { sync: 'ui-managed' },
    );
    expect(sync.config.file_contents).toMatch(/^# kept\n\[\[server\]\]\nname = "edge"\n/);
    expect(sync.config.file_contents).toContain('address = "https://edge.local:8120"');
    expect(sync.config.file_contents).toContain('name = "web"');
    expect((await refresh('ui-managed')).info.resource_updates).toEqual([]);
  });

  it('a fresh host sync gets its first resource_path written under its folder; the plan is then empty', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: 'on host',
      config: { files_on_host: true, resource_path: ['infra/all.toml'], managed: true },
    });
    const update = await monitor.admin.write<Update>('CommitSync', { sync: 'on host' });
    expect(update.success).toBe(true);
    const text = readFileSync(join(monitor.dataDir, 'syncs', 'on_host', 'infra/all.toml'), 'utf8');
    for (const name of ['edge', 'lab', 'added', 'web', 'worker', 'setup'])
      expect(text).toContain(`name = "${name}"`);
    // UI syncs hold their own files: never declared by another sync.
    expect(text).not.toContain('name = "ui-managed"');
    expect((await refresh('on host')).info.resource_updates).toEqual([]);
  });

  it("a fresh UI sync may be committed unmanaged, as Komodo allows; a folder path can't take new entries", async () => {
    await monitor.admin.write('CreateResourceSync', { name: 'fresh', config: {} });
    const update = await monitor.admin.write<Update>('CommitSync', { sync: 'fresh' });
    expect(update.success).toBe(true);
    const sync = await monitor.admin.read<{ config: { file_contents: string } }>(
      'GetResourceSync',
      { sync: 'fresh' },
    );
    expect(sync.config.file_contents).toContain('[[deployment]]');
    await monitor.admin.write('CreateResourceSync', {
      name: 'folder',
      config: { files_on_host: true, resource_path: ['nothing-here'], managed: true },
    });
    const refused = await monitor.admin.call('write', 'CommitSync', { sync: 'folder' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/resource_path: no file was read/);
  });

  it('runs as a procedure stage (Komodo 2: CommitSync is an execution)', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'staged',
      config: { address: 'https://staged.local:8120' },
    });
    await monitor.admin.write('CreateProcedure', {
      name: 'commit-ui',
      config: {
        stages: [
          {
            name: 'write back',
            enabled: true,
            executions: [
              { execution: { type: 'CommitSync', params: { sync: 'ui-managed' } }, enabled: true },
            ],
          },
        ],
      },
    });
    const run = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('RunProcedure', { procedure: 'commit-ui' }),
      60_000,
    );
    expect(run.success).toBe(true);
    const sync = await monitor.admin.read<{ config: { file_contents: string } }>(
      'GetResourceSync',
      { sync: 'ui-managed' },
    );
    expect(sync.config.file_contents).toContain('name = "staged"');
  });

  it('WriteSyncFileContents on a UI sync replaces its file_contents and refreshes its plan', async () => {
    const contents =
      '[[server]]\nname = "from-ui"\n[server.config]\naddress = "https://ui.local:8120"\n';
    const update = await monitor.admin.write<Update>('WriteSyncFileContents', {
      sync: 'fresh',
      resource_path: '',
      file_path: 'database file',
      contents,
    });
    expect(update.success).toBe(true);
    const sync = await monitor.admin.read<{ config: { file_contents: string } } & SyncAnswer>(
      'GetResourceSync',
      { sync: 'fresh' },
    );
    expect(sync.config.file_contents).toBe(contents);
    expect(sync.info.resource_updates).toHaveLength(1);
  });

  it('never writes over a file it refused to read (too large): 400, the file as it was', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: 'big',
      config: { files_on_host: true, resource_path: ['big.toml'], managed: true },
    });
    const folder = join(monitor.dataDir, 'syncs', 'big');
    mkdirSync(folder, { recursive: true });
    const big = `# ${'x'.repeat(600 * 1024)}\n`;
    writeFileSync(join(folder, 'big.toml'), big);
    const refused = await monitor.admin.call('write', 'CommitSync', { sync: 'big' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/big\.toml:0:resource_path: is larger than/);
    expect(readFileSync(join(folder, 'big.toml'), 'utf8')).toBe(big);
  });

  it('a git sync pinned to a commit, or with no branch, is refused (400) before anything is read or written', async () => {
    const { hash } = (await files()).commit;
    for (const [config, says] of [
      [{ commit: hash }, /pinned commit/],
      [{ branch: '' }, /names no branch/],
    ] as const) {
      await monitor.admin.write('UpdateResourceSync', { id: 'setup', config });
      for (const [request, params] of [
        ['CommitSync', { sync: 'setup' }],
        [
          'WriteSyncFileContents',
          { sync: 'setup', resource_path: 'sync', file_path: 'x.toml', contents: '' },
        ],
      ] as const) {
        const refused = await monitor.admin.call('write', request, params);
        expect([request, refused.status]).toEqual([request, 400]);
        expect(JSON.stringify(refused.body)).toMatch(says);
      }
      await monitor.admin.write('UpdateResourceSync', {
        id: 'setup',
        config: { commit: '', branch: 'main' },
      });
    }
    expect((await files()).commit.hash).toBe(hash);
  });
});
