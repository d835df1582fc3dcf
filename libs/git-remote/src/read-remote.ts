import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '@monitor/secrets';
import { gitEnv } from './git-env';
import {
  GitRemoteError,
  remoteProblem,
  treePath,
  type GitRemote,
  type RemoteFile,
  type RemoteRead,
} from './remote';
import { gitStep as step, type GitRun } from './run-git';

export interface ReadOptions {
  /** The longest a fetch may take. */
  fetchTimeoutMs?: number;
  /** The longest any other git step may take. */
  stepTimeoutMs?: number;
  /** A larger file is an `error`, not contents. */
  maxFileBytes?: number;
  /**
   * Read a path naming a folder (`.` the repository's root) as every file under it, at any
   * depth, whose name ends with `suffix`, in path order (a sync's `resource_path`).
   */
  folders?: { suffix: string };
}

const DEFAULTS: Required<Omit<ReadOptions, 'folders'>> = {
  fetchTimeoutMs: 2 * 60_000,
  stepTimeoutMs: 30_000,
  maxFileBytes: 1024 * 1024,
};
/** ls-tree and log print a line or two. */
const SMALL_OUTPUT = 64 * 1024;
const SYMLINK_MODE = '120000';
const FULL_HASH = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * Reads `paths` at the newest commit of the remote's branch (or at its `commit`) without a
 * checkout: a fresh folder, `git init`, a shallow fetch, then each file's blob from the fetched
 * tree (`ls-tree`, then `cat-file`), so a symlink is never followed and nothing is written but
 * git's objects. The folder is removed afterwards. A file that cannot be read is an `error` in
 * its entry; a remote that cannot be read at all is a GitRemoteError, its text masked.
 */
export async function readRemote(
  remote: GitRemote,
  paths: string[],
  options: ReadOptions = {},
): Promise<RemoteRead> {
  const problem = remoteProblem(remote);
  if (problem) throw new GitRemoteError('INVALID_REMOTE', problem);
  const limits = { ...DEFAULTS, ...options };
  const redactor = new Redactor(remote.token ? [remote.token] : []);
  const home = await mkdtemp(join(tmpdir(), 'monitor-git-remote-'));
  const repo = join(home, 'repo');
  const run: GitRun = {
    cwd: home,
    env: gitEnv(home, remote.url, remote.username, remote.token),
    timeoutMs: limits.stepTimeoutMs,
    maxStdout: SMALL_OUTPUT,
    mask: (text) => redactor.redact(text),
  };
  try {
    await step('init', ['init', '-q', repo], run);
    const inRepo = { ...run, cwd: repo };
    const branch = remote.branch ?? 'HEAD';
    // A server hands out a commit by its full hash alone; a short one is found in the history.
    const byHash = remote.commit && FULL_HASH.test(remote.commit) ? remote.commit : undefined;
    const shallow = byHash || !remote.commit ? ['--depth', '1'] : [];
    await step('fetch', ['fetch', '-q', '--no-tags', ...shallow, remote.url, byHash ?? branch], {
      ...inRepo,
      timeoutMs: limits.fetchTimeoutMs,
    });
    const at = remote.commit && !byHash ? `${remote.commit}^{commit}` : 'FETCH_HEAD';
    const log = await step('log', ['log', '-1', '--format=%H%n%s', at, '--'], inRepo);
    const [hash = '', ...message] = log.toString('utf8').trim().split('\n');
    const files: RemoteFile[] = [];
    for (const path of paths) files.push(...(await readPath(path, hash, inRepo, limits)));
    return { commit: { hash, message: message.join('\n') }, files };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

type Limits = typeof DEFAULTS & Pick<ReadOptions, 'folders'>;

/** One asked path: a file, or with `folders` every file under a folder. */
async function readPath(
  asked: string,
  commit: string,
  run: GitRun,
  limits: Limits,
): Promise<RemoteFile[]> {
  if (limits.folders && isRoot(asked)) return readFolder(asked, undefined, commit, run, limits);
  const path = treePath(asked);
  if ('problem' in path) return [{ path: asked, error: `refused: ${path.problem}` }];
  const [entry] = await listTree(['ls-tree', '-l', '-z', commit, '--', path.path], run);
  if (!entry || entry.name !== path.path)
    return [{ path: asked, error: `no file '${path.path}' in the repository` }];
  if (entry.type === 'tree' && limits.folders)
    return readFolder(asked, path.path, commit, run, limits);
  return [await readEntry(asked, entry, run, limits.maxFileBytes)];
}

/** Every file under `folder` (the root when undefined) whose name has the wanted suffix. */
async function readFolder(
  asked: string,
  folder: string | undefined,
  commit: string,
  run: GitRun,
  limits: Limits,
): Promise<RemoteFile[]> {
  const scope = folder === undefined ? [] : ['--', `${folder}/`];
  const entries = (await listTree(['ls-tree', '-r', '-l', '-z', commit, ...scope], run))
    .filter((e) => e.name.endsWith(limits.folders!.suffix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: RemoteFile[] = [];
  for (const entry of entries)
    files.push({
      ...(await readEntry(entry.name, entry, run, limits.maxFileBytes)),
      folder: asked,
    });
  return files;
}

function isRoot(path: string): boolean {
  return path.split('/').every((s) => s === '' || s === '.');
}

interface TreeEntry {
  mode: string;
  type: string;
  blob: string;
  size: string;
  name: string;
}

async function listTree(args: string[], run: GitRun): Promise<TreeEntry[]> {
  const out = await step('ls-tree', args, { ...run, maxStdout: 16 * SMALL_OUTPUT });
  return out
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, blob, size] = line.slice(0, tab).split(/\s+/);
      return { mode, type, blob, size, name: line.slice(tab + 1) };
    });
}

async function readEntry(
  asked: string,
  { mode, type, blob, size, name }: TreeEntry,
  run: GitRun,
  maxBytes: number,
): Promise<RemoteFile> {
  if (mode === SYMLINK_MODE) return { path: asked, error: `refused: '${name}' is a symlink` };
  if (type !== 'blob') return { path: asked, error: `'${name}' is a ${type}, not a file` };
  if (Number(size) > maxBytes)
    return { path: asked, error: `'${name}' is ${size} bytes, more than the ${maxBytes} read` };
  const contents = await step('cat-file', ['cat-file', 'blob', blob], {
    ...run,
    maxStdout: maxBytes,
  });
  return { path: asked, contents: contents.toString('utf8') };
}
