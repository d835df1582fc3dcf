import { isSealed } from '@monitor/secrets';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { addGitAccount, gitSource } from '../../support/git-accounts';
import { expectNoSecret } from '../../support/secret-search';
import { completed, type UpdateView as Update } from '../../support/updates';

const USER = 'file-secrets';
const TOKEN = 'file-secrets-git-token-2207';
const SECRET = 'sync-file-secret-value-5190';
const FILE = `[[variable]]
name = "DB_PASSWORD"
value = "${SECRET}"
is_secret = true

[[variable]]
name = "DB_HOST"
value = "db.internal"
`;

interface SyncAnswer {
  _id: { $oid: string };
  info: { remote_contents: { path: string; contents: string }[]; variable_updates: unknown[] };
}

/**
 * A sync's files write a secret variable's value in plain text. The sync answered the files it
 * read (`remote_contents`) and stored them in its refresh event as they are: the value went to
 * whoever may read the sync, and into the event store. Now masked there, as in the plan.
 */
describe('security: secret variables in a sync file', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let syncId: string;

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_SYNC_POLL_INTERVAL_MS: '0' });
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    await git.createRepo('acme/secrets', { 'variables.toml': FILE });
    const provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    const sync = await monitor.admin.write<{ _id: { $oid: string } }>('CreateResourceSync', {
      name: 'secrets',
      config: {
        ...gitSource(provider, USER, 'acme/secrets'),
        resource_path: ['variables.toml'],
        include_variables: true,
      },
    });
    syncId = sync._id.$oid;
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  it("a refresh answers and stores the file with the secret's value masked", async () => {
    const refreshed = await monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', {
      sync: 'secrets',
    });
    const read = await monitor.admin.read<SyncAnswer>('GetResourceSync', { sync: 'secrets' });
    const [file] = read.info.remote_contents;
    expect(file.path).toBe('variables.toml');
    expect(file.contents).toBe(FILE.replace(SECRET, '*****'));
    const events = await monitor.runtime.store.readStream(`resourcesync-${syncId}`);
    expectNoSecret([refreshed, read, events, monitor.runtime.readModel.listUpdates()], [SECRET]);
  });

  it('RunSync still stores the value it masks: the variable holds it', async () => {
    const run = await monitor.admin.execute<Update>('RunSync', { sync: 'secrets' });
    const done = await completed(monitor.admin, run, 60_000);
    expect(done.success).toBe(true);
    const { readModel, keyring } = monitor.runtime;
    expect(readModel.settings.variable('DB_HOST')?.value).toBe('db.internal');
    const password = readModel.settings.variable('DB_PASSWORD')!;
    expect(password.isSecret).toBe(true);
    expect(isSealed(password.value) && keyring.open(password.value)).toBe(SECRET);
    const after = await monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', {
      sync: 'secrets',
    });
    // The file's value is the stored one: nothing to change.
    expect(after.info.variable_updates).toEqual([]);
    expectNoSecret([done, after], [SECRET]);
  });
});
