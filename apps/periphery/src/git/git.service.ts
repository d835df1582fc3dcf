import type { RepoAnswer } from '@monitor/contracts/agent';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PeripheryConfig } from '../config';
import type { Log } from '../docker/docker-shapes';
import { runCommand } from '../compose/command-log';
import { stackDirectory } from '../compose/stack-paths';
import { gitCredentials } from './git-credentials';
import type { CloneOrPullRepoDto } from './git.dto';

const FETCH_TIMEOUT_MS = 5 * 60_000;

/**
 * Brings a repository into a stack's directory. `git init` + fetch + hard reset rather than
 * `git clone`, so the same steps serve a first clone, a pull, and a directory that already
 * holds files written by WriteComposeFiles.
 */
export class GitService {
  constructor(private readonly config: PeripheryConfig) {}

  cloneOrPull(p: CloneOrPullRepoDto): Promise<RepoAnswer> {
    return cloneOrPullInto(stackDirectory(this.config.root_directory, p.stack), p);
  }
}

/** What `cloneOrPullInto` needs of a request: where from, which commit, and the login. */
export interface GitTarget {
  url: string;
  branch?: string;
  commit?: string;
  token?: string;
  username?: string;
  reclone?: boolean;
}

/** How git runs: `fetchOnly` and what cancels it. */
export interface GitRun {
  /** Fetch without touching the work tree, and answer the fetched commit. */
  fetchOnly?: boolean;
  /** Kills the running git step; no later step runs. */
  signal?: AbortSignal;
}

/**
 * Brings a repository into `cwd` and answers the commit it holds; `fetchOnly` fetches without
 * touching the work tree and answers the fetched commit (what the remote branch is at).
 */
export async function cloneOrPullInto(
  cwd: string,
  p: GitTarget,
  { fetchOnly = false, signal }: GitRun = {},
): Promise<RepoAnswer> {
  const logs: Log[] = [];
  if (p.reclone && existsSync(cwd)) logs.push(await removeFolder(cwd));
  await mkdir(cwd, { recursive: true });
  const { env, secrets } = gitCredentials(p.url, p.username, p.token);
  const git = (stage: string, args: string[], timeoutMs?: number) =>
    runCommand(stage, 'git', args, { cwd, env, secrets, timeoutMs, signal });

  const fresh = !existsSync(join(cwd, '.git'));
  const steps: [string, string[], number?][] = [
    ...(fresh
      ? ([
          ['init repo', ['init', '-q']],
          ['set remote', ['remote', 'add', 'origin', p.url]],
        ] as [string, string[]][])
      : ([['set remote', ['remote', 'set-url', 'origin', p.url]]] as [string, string[]][])),
    [
      fetchOnly ? 'fetch latest' : fresh ? 'clone repo' : 'pull repo',
      ['fetch', '--no-tags', ...(fetchOnly ? ['--depth', '1'] : []), 'origin', p.branch ?? 'HEAD'],
      FETCH_TIMEOUT_MS,
    ],
    ...(fetchOnly
      ? []
      : ([['reset to commit', ['reset', '--hard', p.commit ?? 'FETCH_HEAD']]] as [
          string,
          string[],
        ][])),
  ];
  for (const [stage, args, timeout] of steps) {
    const log = await git(stage, args, timeout);
    logs.push(explainAuthFailure(log));
    if (!log.success) return { logs, success: false, commit_hash: null, commit_message: null };
  }
  const head = await git('read commit', [
    'log',
    '-1',
    '--format=%H%n%s',
    fetchOnly ? 'FETCH_HEAD' : 'HEAD',
  ]);
  const [hash = '', ...message] = head.stdout.trim().split('\n');
  return {
    logs,
    success: head.success,
    commit_hash: head.success ? hash : null,
    commit_message: head.success ? message.join('\n') : null,
  };
}

/** `reclone`: the whole folder goes, with what earlier deploys left beside the clone. */
async function removeFolder(cwd: string): Promise<Log> {
  const start_ts = Date.now();
  await rm(cwd, { recursive: true, force: true });
  return {
    stage: 'remove old clone',
    command: `rm -rf ${cwd}`,
    stdout: 'removed, to clone afresh (reclone)',
    stderr: '',
    success: true,
    start_ts,
    end_ts: Date.now(),
  };
}

/** Git words a refused login as a failed prompt; say what it means. */
function explainAuthFailure(log: Log): Log {
  if (log.success || !/could not read Username|Authentication failed|\b401\b/.test(log.stderr)) {
    return log;
  }
  const hint = 'the git server refused the credentials (HTTP 401): check the token and username';
  return { ...log, stderr: `${log.stderr.trimEnd()}\n${hint}\n` };
}
