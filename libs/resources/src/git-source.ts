import { invalid, repoUrl } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import type { CredentialResolver } from './credentials';

/** A config's own git fields, as Builds, Stacks and ResourceSyncs have them. */
export interface GitFields {
  git_provider: string;
  git_https: boolean;
  repo: string;
  branch: string;
  commit: string;
  git_account: string;
}

/** A git remote to read or clone, with its account's token; `label` is how logs name it. */
export interface GitSource {
  url: string;
  branch?: string;
  commit?: string;
  username?: string;
  token?: string;
  label: string;
}

/**
 * Where a resource's files come from: its linked Repo's git fields when it names one, else its
 * own; none when neither names a repository. `mask` hears the account's token. An unknown Repo
 * or account is a 400 naming the field.
 */
export function gitSourceOf(
  readModel: ReadModel,
  credentials: CredentialResolver,
  config: GitFields & { linked_repo: string },
  mask: (secret: string) => void,
): GitSource | undefined {
  const linked = config.linked_repo
    ? readModel.resourceById('Repo', config.linked_repo)
    : undefined;
  if (config.linked_repo && !linked)
    throw invalid(`config.linked_repo: no Repo has the id '${config.linked_repo}'`, {
      field: 'config.linked_repo',
    });
  const from: GitFields = linked?.config ?? config;
  if (!from.repo.trim()) return undefined;
  const branch = from.branch.trim() || undefined;
  const source: GitSource = {
    url: repoUrl(from),
    branch,
    commit: from.commit.trim() || undefined,
    label: `${from.repo.trim()}@${branch ?? 'default branch'}`,
  };
  const account = from.git_account.trim();
  if (!account) return source;
  const credential = credentials.find('GitProvider', from.git_provider, account);
  if (!credential)
    throw invalid(
      `config.${linked ? `linked_repo: Repo '${linked.name}' has git_account` : 'git_account:'} no account '${account}' for git provider '${from.git_provider}'`,
      { field: 'config.git_account' },
    );
  if (credential.token) mask(credential.token);
  return { ...source, username: credential.username, token: credential.token };
}
