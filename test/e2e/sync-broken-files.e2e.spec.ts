import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StoredEvent } from '@monitor/eventstore';
import {
  BROKEN_FILE_SETS,
  layOutFileSet,
  type BrokenFileSet,
  type Existing,
} from '../../apps/sync/src/reading/fixtures/broken-file-sets';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { addGitAccount, gitSource } from '../support/git-accounts';
import { storeQuiet } from '../support/quiet-store';

interface SyncAnswer {
  _id: { $oid: string };
  info: {
    resource_updates: unknown[];
    pending_error?: string;
    pending_problems: {
      file: string;
      line: number;
      field: string;
      severity: string;
      message: string;
    }[];
    remote_contents: { path: string; contents: string }[];
  };
}

/** Each existing resource a set assumes, created once as the admin would. */
const CONFIGS: Record<string, object> = {
  Server: { address: 'https://server-01.local:8120' },
  Builder: { type: 'Url', params: { address: 'https://builder-01.local:8120' } },
};

/** A host sync's config beside its resource_path: every declaration read. */
const HOST = { files_on_host: true, include_variables: true, include_user_groups: true };
/** A host sync whose paths the write-refused cases try to change. */
const HOST_SYNC = 'host-paths';

/** Without its own resource_path, a set's files are read by their first folder (or as files). */
const resourcePath = (set: BrokenFileSet) =>
  set.resourcePath ?? [...new Set(Object.keys(set.files).map((path) => path.split('/')[0]))];

const USER = 'syncer';
const TOKEN = 'broken-files-token-4410-secret';
const IDENTITY = ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid'];
const run = promisify(execFile);

/** How long the store must stay put to count as quiet: short, the cases run in sequence. */
const STILL_MS = 200;

/**
 * Issue 16's bad input end to end: every broken file set of the reader's unit test, written into
 * a `files_on_host` sync's folder, refreshed and run through the public API. The stored plan and
 * the RunSync's 400 name the same file:line:field; the refresh records only the sync's plan (and
 * its own Update), the RunSync writes no event at all.
 */
describe('broken sync files, end to end: file:line:field, the store unchanged', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let provider: string;
  const syncs = () => join(monitor.dataDir, 'syncs');

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_SYNC_POLL_INTERVAL_MS: '0' });
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    provider = await addGitAccount(monitor.admin, git, { username: USER, token: TOKEN });
    const existing = new Map<string, Existing>();
    for (const set of BROKEN_FILE_SETS)
      for (const resource of set.existing) existing.set(resource.join(':'), resource);
    for (const [kind, name] of existing.values())
      await monitor.admin.write(`Create${kind}`, { name, config: CONFIGS[kind] });
    await monitor.admin.write('CreateResourceSync', {
      name: HOST_SYNC,
      config: { ...HOST, resource_path: ['a.toml'] },
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  /** Creates the set's sync (its files in its folder); answers the sync's id once all is quiet. */
  async function syncOf(set: BrokenFileSet, name: string): Promise<string> {
    await layOutFileSet(set, join(syncs(), name));
    const created = await monitor.admin.write<SyncAnswer>('CreateResourceSync', {
      name,
      config: { ...HOST, resource_path: resourcePath(set) },
    });
    await storeQuiet(monitor.runtime.store, STILL_MS);
    return created._id.$oid;
  }

  /** The events written since `position`, once the store is quiet again. */
  async function writtenSince(position: number): Promise<StoredEvent[]> {
    await storeQuiet(monitor.runtime.store, STILL_MS);
    return monitor.runtime.store.readAll(position);
  }

  /**
   * What a refresh of broken files may write, and nothing else: the sync's plan record and the
   * refresh's own Update (no pending alert: as Komodo, files it cannot plan are Failed, not Pending).
   */
  function expectRefreshWrites(events: StoredEvent[], syncId: string) {
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of events)
      byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
    const kinds = [...byStream.keys()].map((stream) => stream.replace(/-[0-9a-f]{24}$/, ''));
    expect(kinds.sort()).toEqual(['resourcesync', 'update']);
    const of = (kind: string) =>
      [...byStream.entries()].find(([s]) => s.startsWith(`${kind}-`))![1];
    const target = { type: 'ResourceSync', id: syncId };
    expect(of('resourcesync').map((e) => [e.stream, e.type])).toEqual([
      [`resourcesync-${syncId}`, 'ResourceSyncRefreshed'],
    ]);
    const update = of('update');
    expect(update[0]).toMatchObject({
      type: 'UpdateStarted',
      data: { operation: 'RefreshResourceSyncPending', target },
    });
    expect(update.at(-1)).toMatchObject({ type: 'UpdateCompleted', data: { success: true } });
  }

  /**
   * Refresh: the stored plan names `location` (its words), and the refresh writes only what it
   * may. RunSync: 400 naming the same, and not one event written.
   */
  async function expectRefused(name: string, id: string, location: string, words: string) {
    const { store } = monitor.runtime;
    const beforeRefresh = await store.headPosition();
    const refreshed = await monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', {
      sync: name,
    });
    expect(refreshed.info.pending_error).toContain(`${location}: `);
    const problem = refreshed.info.pending_problems.find(
      (p) => `${p.file}:${p.line}:${p.field}` === location,
    );
    expect(problem).toMatchObject({ severity: 'error', message: expect.stringContaining(words) });
    expect(refreshed.info.resource_updates).toEqual([]);
    expect(JSON.stringify(refreshed.info.remote_contents)).not.toContain('escaped');
    expectRefreshWrites(await writtenSince(beforeRefresh), id);

    const beforeRun = await store.headPosition();
    const run = await monitor.admin.call<{ error: string }>('execute', 'RunSync', { sync: name });
    expect(run.status).toBe(400);
    expect(run.body.error).toContain(`${location}: `);
    expect(run.body.error).toContain(words);
    expect(await writtenSince(beforeRun)).toEqual([]);
  }

  it.each(BROKEN_FILE_SETS.filter((set) => !set.refusedOnWrite))('$title', async (set) => {
    const name = `broken-${BROKEN_FILE_SETS.indexOf(set)}`;
    const id = await syncOf(set, name);
    await expectRefused(name, id, set.location, set.words);
  });

  it.each(BROKEN_FILE_SETS.filter((set) => set.refusedOnWrite))(
    '$title: refused when the sync is written, nothing stored',
    async (set) => {
      const name = `broken-${BROKEN_FILE_SETS.indexOf(set)}`;
      await layOutFileSet(set, join(syncs(), name));
      const entry = set.resourcePath!.at(-1)!;
      const before = await monitor.runtime.store.headPosition();
      const config = { ...HOST, resource_path: set.resourcePath };
      for (const [request, params] of [
        ['CreateResourceSync', { name, config }],
        ['UpdateResourceSync', { id: HOST_SYNC, config }],
      ] as const) {
        const answer = await monitor.admin.call<{ error: string }>('write', request, params);
        expect({ request, status: answer.status }).toEqual({ request, status: 400 });
        expect(answer.body.error).toContain('config.resource_path');
        expect(answer.body.error).toContain(`${set.refusedOnWrite!} (got "${entry}")`);
      }
      expect(await writtenSince(before)).toEqual([]);
      expect(monitor.runtime.readModel.resource('ResourceSync', name)).toBeUndefined();
      expect(
        monitor.runtime.readModel.resource('ResourceSync', HOST_SYNC)?.config.resource_path,
      ).toEqual(['a.toml']);
    },
  );

  /** A repository holding the set's files and links, pushed as a user would (links as links). */
  async function repoOf(set: BrokenFileSet, repo: string): Promise<void> {
    await git.createRepo(repo, { 'README.md': 'sync files\n' });
    const work = await mkdtemp(join(tmpdir(), 'sync-broken-git-'));
    try {
      const clone = join(work, 'clone');
      const url = new URL(git.url(repo));
      [url.username, url.password] = [USER, TOKEN];
      await run('git', ['clone', '-q', url.toString(), clone]);
      // What lies outside lands beside the clone, never in it.
      await layOutFileSet(set, clone);
      for (const args of [
        ['add', '-A'],
        ['commit', '-q', '-m', set.title],
        ['push', '-q', 'origin', 'HEAD:main'],
      ])
        await run('git', [...IDENTITY, ...args], { cwd: clone });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  it('a symbolic link to a file outside, in a git repository: refused as a link, never followed', async () => {
    const set = BROKEN_FILE_SETS.find((s) => s.title === 'a symbolic link to a file outside')!;
    await repoOf(set, 'acme/linked');
    const created = await monitor.admin.write<SyncAnswer>('CreateResourceSync', {
      name: 'git-linked',
      config: { ...gitSource(provider, USER, 'acme/linked'), resource_path: set.resourcePath },
    });
    await storeQuiet(monitor.runtime.store, STILL_MS);
    await expectRefused(
      'git-linked',
      created._id.$oid,
      set.location,
      "refused: 'linked.toml' is a symlink",
    );
  });

  it('a host sync whose folder does not exist: each path named, nothing read or written', async () => {
    const created = await monitor.admin.write<SyncAnswer>('CreateResourceSync', {
      name: 'no-folder',
      config: { ...HOST, resource_path: ['servers.toml', 'apps'] },
    });
    await storeQuiet(monitor.runtime.store, STILL_MS);
    await expectRefused(
      'no-folder',
      created._id.$oid,
      'servers.toml:0:resource_path',
      'does not exist',
    );
    const { info } = await monitor.admin.read<SyncAnswer>('GetResourceSync', { sync: 'no-folder' });
    expect(info.pending_problems.map((p) => `${p.file}:${p.line}:${p.field}`)).toEqual([
      'servers.toml:0:resource_path',
      'apps:0:resource_path',
    ]);
  });

  it('a git sync on a branch that does not exist: the repository named, nothing read or written', async () => {
    const created = await monitor.admin.write<SyncAnswer>('CreateResourceSync', {
      name: 'git-no-branch',
      config: { ...gitSource(provider, USER, 'acme/linked'), branch: 'gone', resource_path: ['.'] },
    });
    await storeQuiet(monitor.runtime.store, STILL_MS);
    await expectRefused(
      'git-no-branch',
      created._id.$oid,
      'acme/linked@gone:0:repo',
      "couldn't find remote ref gone",
    );
  });

  it('a git sync whose token is refused: the repository named, the token nowhere', async () => {
    const wrong = 'refused-token-7730-secret';
    await addGitAccount(monitor.admin, git, { username: 'intruder', token: wrong });
    const start = await monitor.runtime.store.headPosition();
    const created = await monitor.admin.write<SyncAnswer>('CreateResourceSync', {
      name: 'git-refused',
      config: { ...gitSource(provider, 'intruder', 'acme/linked'), resource_path: ['.'] },
    });
    await storeQuiet(monitor.runtime.store, STILL_MS);
    await expectRefused(
      'git-refused',
      created._id.$oid,
      'acme/linked@main:0:repo',
      'refused the credentials',
    );
    const written = JSON.stringify(await monitor.runtime.store.readAll(start));
    expect(written).not.toContain(wrong);
    expect(written).not.toContain(Buffer.from(`intruder:${wrong}`).toString('base64'));
  });
});
