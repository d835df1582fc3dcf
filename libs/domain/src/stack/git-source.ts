import type { Resource } from '../resources/lifecycle/state';
import type { StackConfig } from './stack.config';

export type GitSource = Pick<
  StackConfig,
  'git_provider' | 'git_https' | 'git_account' | 'repo' | 'branch' | 'commit'
>;

/**
 * Where a stack's files come from in git: its `linked_repo` Repo's settings when it has one
 * (Komodo's linked repo, found with `findRepo`), else its own.
 */
export function gitSource(
  stack: Resource,
  findRepo: (idOrName: string) => Resource | undefined,
): GitSource {
  const own = stack.config as unknown as GitSource & { linked_repo: string };
  const linkedRepo = own.linked_repo ? findRepo(own.linked_repo) : undefined;
  const from = (linkedRepo ? linkedRepo.config : own) as unknown as GitSource;
  const { git_provider, git_https, git_account, repo, branch, commit } = from;
  return { git_provider, git_https, git_account, repo, branch, commit };
}
