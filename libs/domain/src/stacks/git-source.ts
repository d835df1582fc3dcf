import type { Resource } from '../resources/lifecycle/state';
import type { StackConfig } from '../resources/configs/stack.config';

export type GitSource = Pick<
  StackConfig,
  'git_provider' | 'git_https' | 'git_account' | 'repo' | 'branch' | 'commit'
>;

/**
 * Where a stack's files come from in git: its `linked_repo` Repo's settings when it has one
 * (Komodo's linked repo), else its own.
 */
export function gitSource(stack: Resource, linkedRepo?: Resource): GitSource {
  const own = stack.config as unknown as GitSource & { linked_repo: string };
  const from = (own.linked_repo && linkedRepo ? linkedRepo.config : own) as unknown as GitSource;
  const { git_provider, git_https, git_account, repo, branch, commit } = from;
  return { git_provider, git_https, git_account, repo, branch, commit };
}
