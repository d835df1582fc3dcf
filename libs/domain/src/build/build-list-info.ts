import type { Version } from '../resources/configs/common';
import type { BuildConfig } from './build.config';
import { buildState, type BuildRecord, type BuildState } from './build-record';

/** Komodo's BuildListItemInfo, field for field. */
export interface BuildListInfo {
  state: BuildState;
  last_built_at: number;
  version: Version;
  builder_id: string;
  files_on_host: boolean;
  dockerfile_contents: boolean;
  linked_repo: string;
  linked_repo_name?: string;
  git_provider: string;
  repo: string;
  branch: string;
  repo_link: string;
  built_hash?: string;
  latest_hash?: string;
  image_registry_domain?: string;
}

/** Where a linked Repo's files come from, as its list shows them. */
export interface LinkedRepoSource {
  name: string;
  git_provider: string;
  git_https: boolean;
  repo: string;
  branch: string;
}

/**
 * Komodo's link to a repository, to its branch where the provider's link format is known (GitHub);
 * none without a repository.
 */
export function repoLink(provider: string, repo: string, branch: string, https: boolean): string {
  if (!repo) return '';
  const link = `http${https ? 's' : ''}://${provider}/${repo}`;
  return provider === 'github.com' ? `${link}/tree/${branch}` : link;
}

/**
 * ListBuilds' info as Komodo's `to_list_item`: the config, what the build's stream records
 * (version, last built, commit) and whether a RunBuild runs; the git source is the linked Repo's
 * when one is linked. `latest_hash` is the remote's newest commit, which a cache refresh learns.
 */
export function buildListInfo(
  config: BuildConfig,
  record: BuildRecord,
  running: boolean,
  linked?: LinkedRepoSource,
  latestHash?: string,
): BuildListInfo {
  const source = linked ?? config;
  return {
    state: buildState(record, running),
    last_built_at: record.last_built_at,
    version: record.status === 'Active' ? record.version : config.version,
    builder_id: config.builder_id,
    files_on_host: config.files_on_host,
    dockerfile_contents: Boolean(config.dockerfile.trim()),
    linked_repo: config.linked_repo,
    linked_repo_name: linked?.name,
    git_provider: source.git_provider,
    repo: source.repo,
    branch: source.branch,
    repo_link: repoLink(source.git_provider, source.repo, source.branch, source.git_https),
    built_hash: record.built_hash,
    latest_hash: latestHash,
    image_registry_domain: config.image_registry[0]?.domain || undefined,
  };
}
