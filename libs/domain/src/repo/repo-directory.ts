import type { RepoConfig } from './repo.config';

/**
 * The Repo's folder under the agent's repos folder: its `path`, else its name made a folder
 * name as Komodo does (what is not a letter, digit, `_` or `-` becomes `_`).
 */
export function repoDirectory(repo: { name: string; config: Pick<RepoConfig, 'path'> }): string {
  return repo.config.path.trim() || repo.name.replace(/[^a-zA-Z0-9_-]/g, '_');
}
