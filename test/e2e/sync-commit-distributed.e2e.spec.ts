import type { Types } from 'komodo_client';
import { readRemote } from '@monitor/git-remote';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import {
  startDistributed,
  type DistributedMonitor,
  type Komodo,
} from '../support/distributed-monitor';
import { eventually } from '../support/eventually';
import { gitProvider, gitSource } from '../support/git-accounts';

const USER = 'dist-committer';
const TOKEN = 'dist-commit-token-3391-secret';
const REPO = 'acme/dist';

const SERVERS = `# The edge, in front of everything.
[[server]]
name = "edge"
[server.config]
address = "https://edge-old.local:8120" # to be moved
`;
const VARIABLES = `# Values the stacks read.
[[variable]]
name = "REGION"
value = "eu-1"
`;

function completed(komodo: Komodo, update: Types.Update, ms = 60_000): Promise<Types.Update> {
  return eventually(async () => {
    const current = await komodo.read('GetUpdate', { id: update._id!.$oid });
    expect(current.status).toBe('Complete');
    return current;
  }, ms);
}

/**
 * Issue 16's distributed check for writing back: the sync service its own process (its own read
 * model), the deployer another, the gateway a third, on NATS with JetStream; driven by Komodo's
 * own client: RunSync, changes made elsewhere, CommitSync, the export.
 */
describe('committing a sync in distributed mode, driven by komodo_client', () => {
  let monitor: DistributedMonitor;
  let komodo: Komodo;
  let git: GitHttpServer;
  const files = async () =>
    readRemote({ url: git.url(REPO), branch: 'main', username: USER, token: TOKEN }, [
      'servers.toml',
      'variables.toml',
    ]);

  beforeAll(async () => {
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    await git.createRepo(REPO, { 'servers.toml': SERVERS, 'variables.toml': VARIABLES });
    monitor = await startDistributed('synccommit', ['deployer', 'sync'], {
      MONITOR_SYNC_POLL_INTERVAL_MS: '0',
    });
    komodo = monitor.komodo;
  }, 180_000);

  afterAll(async () => {
    await monitor?.stop();
    await git?.stop();
  });

  it('writes what changed into the file it came from, commits it on the branch, and plans nothing after', async () => {
    const domain = gitProvider(git);
    await komodo.write('CreateGitProviderAccount', {
      account: { domain, username: USER, token: TOKEN },
    });
    await komodo.write('CreateResourceSync', {
      name: 'dist',
      config: {
        ...gitSource(domain, USER, REPO),
        resource_path: ['servers.toml', 'variables.toml'],
        include_variables: true,
      },
    });
    const applied = await completed(komodo, await komodo.execute('RunSync', { sync: 'dist' }));
    expect(applied.success).toBe(true);
    // Managed from now on (a managed sync's RunSync would delete what its files lack, as Komodo's):
    // CommitSync writes into a managed sync only.
    await komodo.write('UpdateResourceSync', { id: 'dist', config: { managed: true } });
    await komodo.write('UpdateServer', {
      id: 'edge',
      config: { address: 'https://edge-new.local:8120' },
    });
    await komodo.write('CreateVariable', { name: 'ZONE', value: 'b' });

    const update = await komodo.write('CommitSync', { sync: 'dist' });
    expect(update.success).toBe(true);
    expect(JSON.stringify(update)).not.toContain(TOKEN);

    const read = await files();
    expect(read.commit.message).toBe("admin: Commit Sync 'dist'");
    const [servers, variables] = read.files.map((f) => f.contents ?? '');
    // The edge stays where it was, its comments with it; the agent's server joins it.
    expect(servers).toMatch(
      /^# The edge, in front of everything\.\n\[\[server\]\]\nname = "edge"\n\[server\.config\]\naddress = "https:\/\/edge-new\.local:8120" # to be moved\n/,
    );
    expect(servers).toContain('name = "local"');
    expect(variables.startsWith(VARIABLES)).toBe(true);
    expect(variables).toContain('name = "ZONE"');

    const sync = await komodo.write('RefreshResourceSyncPending', { sync: 'dist' });
    expect(sync.info?.pending_hash).toBeDefined();
    expect(sync.info?.resource_updates).toEqual([]);
    expect(sync.info?.variable_updates).toEqual([]);

    const { toml } = await komodo.read('ExportAllResourcesToToml', {
      include_resources: true,
      include_variables: true,
    });
    expect(toml).toContain('address = "https://edge-new.local:8120"');
    expect(toml).toContain('name = "ZONE"');
  });
});
