import { AGENT } from '@monitor/contracts/agent';
import { request, type RequestDefinition } from '../api/request-registry';
import { CloneOrPullRepoDto } from './git.dto';
import type { GitService } from './git.service';
import type { RepoFolders } from './repo-folder';
import { GetLatestCommitDto, PullOrCloneRepoDto } from './repo.dto';

/** A Stack's files from a git repository, into its directory; a Repo's, into its folder. */
export function gitRequests(git: GitService, repos: RepoFolders): RequestDefinition[] {
  return [
    request(AGENT.CloneOrPullRepo, CloneOrPullRepoDto, (p) => git.cloneOrPull(p)),
    request(AGENT.PullOrCloneRepo, PullOrCloneRepoDto, (p) => repos.pullOrClone(p)),
    request(AGENT.GetLatestCommit, GetLatestCommitDto, (p) => repos.latestCommit(p)),
  ];
}
