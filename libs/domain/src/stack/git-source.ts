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
  stack: Resource<'Stack'>,
  findRepo: (idOrName: string) => Resource<'Repo'> | undefined,
): GitSource {
  const own = stack.config;
  const linkedRepo = own.linked_repo ? findRepo(own.linked_repo) : undefined;
  const from: GitSource = linkedRepo ? linkedRepo.config : own;
  const { git_provider, git_https, git_account, repo, branch, commit } = from;
  return { git_provider, git_https, git_account, repo, branch, commit };
}

/** Komodo's clone address: `<http|https>://<provider>/<repo>.git`. */
export function repoUrl(config: { git_provider: string; git_https: boolean; repo: string }) {
  const repo = config.repo.trim().replace(/^\/+/, '');
  return `${config.git_https ? 'https' : 'http'}://${config.git_provider}/${repo}${repo.endsWith('.git') ? '' : '.git'}`;
}
