import type { Types } from 'komodo_client';
import { recordedRuns, REPO_RECORDING_RUNS, replayRepo, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { lastSuccess, repoBuilt } from './run-states';

/**
 * Komodo's RepoInfo (`GetRepo`'s `info`) from the Repo events its runs recorded; beside
 * Komodo's fields, the commit its folder holds (`cloned_hash`, `cloned_message`, as the list).
 */
export function repoInfo(
  readModel: ReadModel,
  repo: Resource,
): Record<keyof Types.RepoInfo | 'cloned_hash' | 'cloned_message', unknown> {
  const runs = readModel.executions.forTarget('Repo', repo.id);
  const record = replayRepo(recordedRuns(runs, REPO_RECORDING_RUNS).reverse());
  const built = repoBuilt(runs);
  return {
    last_pulled_at: record.last_pulled_at,
    last_built_at: lastSuccess(runs, ['BuildRepo']),
    built_hash: built.hash,
    built_message: built.message,
    latest_hash: record.latest_hash,
    latest_message: record.latest_message,
    cloned_hash: record.cloned_hash,
    cloned_message: record.cloned_message,
  };
}
