import { relativePathProblem } from '@monitor/domain';

/** A repository to read, as a user configured it. */
export interface GitRemote {
  /** `http(s)://host/path`; never with credentials in it. */
  url: string;
  /** The remote's default branch when absent. */
  branch?: string;
  /** A commit to read instead of the branch's newest. */
  commit?: string;
  username?: string;
  token?: string;
}

export interface RemoteFile {
  /** As asked; a file found under an asked folder: its path in the repository. */
  path: string;
  /** The asked folder a file was found under. */
  folder?: string;
  contents?: string;
  /** Why there are no contents: missing, refused, too large. */
  error?: string;
}

export interface RemoteRead {
  commit: { hash: string; message: string };
  files: RemoteFile[];
}

/** Why a remote could not be read at all; `code` says whether the input or git is at fault. */
export class GitRemoteError extends Error {
  constructor(
    readonly code: 'INVALID_REMOTE' | 'GIT_FAILED' | 'GIT_TIMEOUT',
    message: string,
  ) {
    super(message);
    this.name = 'GitRemoteError';
  }
}

/**
 * Users choose the URL, branch and commit, and each becomes an argument of git: only http(s)
 * (no file://, ext::, ssh command), no credentials in the URL (they would be in argv and
 * `.git/config`), and nothing git could take for an option or a refspec.
 */
export function remoteProblem({ url, branch, commit }: GitRemote): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `url: '${url}' is not a URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `url: only http and https remotes are read (got '${parsed.protocol}')`;
  if (parsed.username || parsed.password)
    return 'url: must not hold credentials: give them as username and token';
  if (branch !== undefined && !/^(?!-)[A-Za-z0-9._/+@-]+$/.test(branch))
    return `branch: '${branch}' is not a branch name`;
  if (commit !== undefined && !/^[0-9a-f]{4,64}$/i.test(commit))
    return `commit: '${commit}' is not a commit hash`;
  return undefined;
}

/** The path as git's tree names it, or why it may not be read. */
export function treePath(path: string): { path: string } | { problem: string } {
  const problem = relativePathProblem(path);
  if (problem) return { problem: `path ${problem}` };
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return { problem: `path '${path}' names no file` };
  return { path: segments.join('/') };
}
