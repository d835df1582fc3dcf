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
import { runGit, type GitRun } from './run-git';

export interface ReadOptions {
  /** The longest a fetch may take. */
  fetchTimeoutMs?: number;
  /** The longest any other git step may take. */
  stepTimeoutMs?: number;
  /** A larger file is an `error`, not contents. */
  maxFileBytes?: number;
}

const DEFAULTS: Required<ReadOptions> = {
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
    for (const path of paths) files.push(await readFile(path, hash, inRepo, limits.maxFileBytes));
    return { commit: { hash, message: message.join('\n') }, files };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

async function readFile(
  asked: string,
  commit: string,
  run: GitRun,
  maxBytes: number,
): Promise<RemoteFile> {
  const path = treePath(asked);
  if ('problem' in path) return { path: asked, error: `refused: ${path.problem}` };
  const entry = (await step('ls-tree', ['ls-tree', '-l', '-z', commit, '--', path.path], run))
    .toString('utf8')
    .split('\0')[0];
  const [meta, name] = entry.split('\t');
  if (!meta || name !== path.path)
    return { path: asked, error: `no file '${path.path}' in the repository` };
  const [mode, type, blob, size] = meta.split(/\s+/);
  if (mode === SYMLINK_MODE) return { path: asked, error: `refused: '${path.path}' is a symlink` };
  if (type !== 'blob') return { path: asked, error: `'${path.path}' is a ${type}, not a file` };
  if (Number(size) > maxBytes)
    return {
      path: asked,
      error: `'${path.path}' is ${size} bytes, more than the ${maxBytes} read`,
    };
  const contents = await step('cat-file', ['cat-file', 'blob', blob], {
    ...run,
    maxStdout: maxBytes,
  });
  return { path: asked, contents: contents.toString('utf8') };
}

/** One git step's stdout; a failure is a GitRemoteError with git's (masked) reason. */
async function step(name: string, args: string[], run: GitRun): Promise<Buffer> {
  const output = await runGit(args, run);
  if (output.code === 0 && !output.truncated) return output.stdout;
  const reason = output.truncated ? 'printed more than expected' : explain(output.stderr);
  throw new GitRemoteError('GIT_FAILED', `git ${name} failed: ${reason}`);
}

/** git words a refused login as a failed prompt; say what it means. */
function explain(stderr: string): string {
  const text = stderr.trim() || 'no message';
  if (/could not read Username|Authentication failed|\b401\b/.test(text))
    return `${text}\nthe git server refused the credentials (HTTP 401): check the token and username`;
  return text;
}
