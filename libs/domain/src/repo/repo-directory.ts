import type { RepoConfig } from './repo.config';

type RepoFolder = { id: string; name: string; config: Pick<RepoConfig, 'path' | 'server_id'> };

/** Where the agent fetches the latest commit for RefreshRepoCache, under its repos folder. */
export const REPO_SCRATCH_FOLDER = '.latest';

/**
 * The Repo's folder under the agent's repos folder: its `path`, else its name made a folder
 * name as Komodo does (what is not a letter, digit, `_` or `-` becomes `_`).
 */
export function repoDirectory(repo: { name: string; config: Pick<RepoConfig, 'path'> }): string {
  return repo.config.path.trim() || repo.name.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/**
 * Another Repo on the same Server whose folder is this one's, or inside it, or holds it: a
 * clone there would replace its files, and its commands would then run what this one brought.
 */
export function repoFolderClash(repo: RepoFolder, others: readonly RepoFolder[]) {
  const mine = segments(repoDirectory(repo));
  return others.find((other) => {
    if (other.id === repo.id || other.config.server_id !== repo.config.server_id) return false;
    const theirs = segments(repoDirectory(other));
    const shorter = Math.min(mine.length, theirs.length);
    return mine.slice(0, shorter).join('/') === theirs.slice(0, shorter).join('/');
  });
}

function segments(directory: string): string[] {
  return directory.split(/[\\/]+/).filter((s) => s && s !== '.');
}
