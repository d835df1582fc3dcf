import * as v from 'valibot';
import { isGitBranch, isGitCommit } from '@monitor/domain/agent';
import { StackName } from '../compose/stack-paths';

/**
 * http(s) only, and no `user:pass@`: credentials go in `token`/`username`, which are kept out
 * of the remote stored in `.git/config`. ssh and file URLs would let a caller read the host.
 */
const HTTP_URL = /^https?:\/\/[^/@\s]+(\/[^\s]*)?$/;

/** Empty means the default (the remote's HEAD, the fetched commit), as in Komodo. */
const emptyOr = (valid: (value: string) => boolean, expected: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.check((value) => value === '' || valid(value), `must be ${expected}`),
    ),
  );

/** Where a repository comes from and the login it takes: shared by the git requests. */
export const REMOTE = {
  url: v.pipe(
    v.string(),
    v.maxLength(2048),
    v.regex(HTTP_URL, 'must be an http:// or https:// URL without credentials in it'),
  ),
  branch: emptyOr(
    isGitBranch,
    'a branch name (letters, digits, "._/-"; not starting with "-", no "..")',
  ),
  token: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4096))),
  username: v.optional(
    v.pipe(v.string(), v.regex(/^[^:\s]{1,256}$/, "must have no ':' nor spaces")),
  ),
};

export const COMMIT = emptyOr(isGitCommit, 'a commit hash (4-40 hex digits)');

export const CloneOrPullRepoDto = v.strictObject({
  stack: StackName,
  ...REMOTE,
  commit: COMMIT,
  /** Komodo's `reclone`: remove the stack's folder and clone afresh instead of pulling. */
  reclone: v.optional(v.boolean()),
});
export type CloneOrPullRepoDto = v.InferOutput<typeof CloneOrPullRepoDto>;
