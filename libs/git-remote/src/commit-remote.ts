import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '@monitor/secrets';
import { gitEnv } from './git-env';
import { GitRemoteError, remoteProblem, treePath, type GitRemote } from './remote';
import { gitStep as step, type GitRun } from './run-git';

export interface CommitAuthor {
  name: string;
  email: string;
}

export interface CommitRequest {
  /** Each file's whole new contents, by path in the repository. */
  files: { path: string; contents: string }[];
  message: string;
  author: CommitAuthor;
  /** The commit the files were read at: the push is refused if the branch has moved since. */
  expectedHead?: string;
}

const STEP_TIMEOUT_MS = 30_000;
const FETCH_TIMEOUT_MS = 2 * 60_000;
const SMALL_OUTPUT = 64 * 1024;

/**
 * Commits files onto the remote's branch and pushes, without a checkout: a throwaway folder, a
 * shallow fetch of the branch, each file written as a blob into a private index read from the
 * branch's tree, `commit-tree`, then a push of that commit to the branch. The push is a
 * fast-forward, so a branch that moved meanwhile refuses it (the caller reads again); with
 * `expectedHead`, a branch that moved since the caller read it is refused before pushing.
 * Answers the new commit's hash. The same hardened git as readRemote (gitEnv).
 */
export async function commitRemote(remote: GitRemote, request: CommitRequest): Promise<string> {
  const problem = remoteProblem(remote);
  if (problem) throw new GitRemoteError('INVALID_REMOTE', problem);
  if (!remote.branch) throw new GitRemoteError('INVALID_REMOTE', 'branch: a commit needs one');
  const paths = request.files.map((f) => treePath(f.path));
  const refused = paths.find((p) => 'problem' in p);
  if (refused && 'problem' in refused) throw new GitRemoteError('INVALID_REMOTE', refused.problem);
  const redactor = new Redactor(remote.token ? [remote.token] : []);
  const home = await mkdtemp(join(tmpdir(), 'monitor-git-commit-'));
  const repo = join(home, 'repo');
  const run: GitRun = {
    cwd: home,
    env: {
      ...gitEnv(home, remote.url, remote.username, remote.token),
      GIT_INDEX_FILE: join(home, 'index'),
      GIT_AUTHOR_NAME: request.author.name,
      GIT_AUTHOR_EMAIL: request.author.email,
      GIT_COMMITTER_NAME: request.author.name,
      GIT_COMMITTER_EMAIL: request.author.email,
    },
    timeoutMs: STEP_TIMEOUT_MS,
    maxStdout: SMALL_OUTPUT,
    mask: (text) => redactor.redact(text),
  };
  try {
    await step('init', ['init', '-q', '--bare', repo], run);
    const inRepo = { ...run, cwd: repo };
    await step('fetch', ['fetch', '-q', '--no-tags', '--depth', '1', remote.url, remote.branch], {
      ...inRepo,
      timeoutMs: FETCH_TIMEOUT_MS,
    });
    const head = text(await step('rev-parse', ['rev-parse', 'FETCH_HEAD^{commit}'], inRepo));
    if (request.expectedHead && !head.startsWith(request.expectedHead))
      throw new GitRemoteError(
        'GIT_FAILED',
        `the branch '${remote.branch}' moved since it was read (now at ${head.slice(0, 8)}): refresh and try again`,
      );
    await step('read-tree', ['read-tree', head], inRepo);
    for (const [i, file] of request.files.entries()) {
      const blob = text(
        await step('hash-object', ['hash-object', '-w', '--stdin'], {
          ...inRepo,
          stdin: Buffer.from(file.contents, 'utf8'),
        }),
      );
      const path = (paths[i] as { path: string }).path;
      await step(
        'update-index',
        ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`],
        inRepo,
      );
    }
    const tree = text(await step('write-tree', ['write-tree'], inRepo));
    const commit = text(
      await step('commit-tree', ['commit-tree', tree, '-p', head, '-m', request.message], inRepo),
    );
    await step('push', ['push', '-q', remote.url, `${commit}:refs/heads/${remote.branch}`], {
      ...inRepo,
      timeoutMs: FETCH_TIMEOUT_MS,
    });
    return commit;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

function text(output: Buffer): string {
  return output.toString('utf8').trim();
}
