import type { Types } from 'komodo_client';
import { BatchPatternDto } from '../requests/servers.dto';
import { RepoParamDto } from '../requests/repo.dto';
import { entry, komodo, on, USER } from './entry';

const execute = on<{ repo: string }>('Repo', 'repo', 'Execute');

/**
 * A Repo's executions (each answers an Update at once) and their batches: clone and pull on its
 * Server; `BuildRepo` clones on its Builder, `CancelRepoBuild` stops that.
 */
export const REPO_REQUESTS = {
  CloneRepo: komodo('CloneRepo', 'execute', RepoParamDto, execute, 'builder'),
  PullRepo: komodo('PullRepo', 'execute', RepoParamDto, execute, 'builder'),
  // A batch checks Execute on each resource it picks.
  BatchCloneRepo: komodo('BatchCloneRepo', 'execute', BatchPatternDto, USER, 'builder'),
  BatchPullRepo: komodo('BatchPullRepo', 'execute', BatchPatternDto, USER, 'builder'),
  BuildRepo: komodo('BuildRepo', 'execute', RepoParamDto, execute, 'builder'),
  BatchBuildRepo: komodo('BatchBuildRepo', 'execute', BatchPatternDto, USER, 'builder'),
  CancelRepoBuild: komodo('CancelRepoBuild', 'execute', RepoParamDto, execute, 'builder'),
  /** Komodo 2's form: answers once the remote's latest commit is read. */
  RefreshRepoCache: komodo('RefreshRepoCache', 'write', RepoParamDto, execute, 'builder'),
};

/** Monitor's execution form of RefreshRepoCache, as for stacks: an Update at once. */
export const REPO_EXECUTION_FORMS = {
  RefreshRepoCache: entry<Types.Update>()(
    'RefreshRepoCache',
    'execute',
    RepoParamDto,
    execute,
    'builder',
  ),
};
