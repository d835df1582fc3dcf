import { AGENT } from '@monitor/contracts/agent';
import { request, type RequestDefinition } from '../api/request-registry';
import type { RunningWork } from '../compose/running-work';
import { CloneOrPullRepoDto } from './git.dto';
import type { GitService } from './git.service';
import type { RepoFolders } from './repo-folder';
import { CancelRepoRunDto, GetLatestCommitDto, PullOrCloneRepoDto } from './repo.dto';

/** A Stack's files from a git repository, into its directory; a Repo's, into its folder. */
export function gitRequests(
  git: GitService,
  repos: RepoFolders,
  running: RunningWork,
): RequestDefinition[] {
  return [
    request(AGENT.CloneOrPullRepo, CloneOrPullRepoDto, (p) => git.cloneOrPull(p)),
    request(AGENT.PullOrCloneRepo, PullOrCloneRepoDto, (p) => repos.pullOrClone(p)),
    request(AGENT.GetLatestCommit, GetLatestCommitDto, (p) => repos.latestCommit(p)),
    request(AGENT.CancelRepoRun, CancelRepoRunDto, (p) => running.cancel('CancelRepoRun', p.id)),
  ];
}
