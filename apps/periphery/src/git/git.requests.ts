import { AGENT } from '@monitor/contracts/agent';
import { request, type RequestDefinition } from '../api/request-registry';
import { CloneOrPullRepoDto } from './git.dto';
import type { GitService } from './git.service';

/** A Stack's files from a git repository, into its directory. */
export function gitRequests(git: GitService): RequestDefinition[] {
  return [request(AGENT.CloneOrPullRepo, CloneOrPullRepoDto, (p) => git.cloneOrPull(p))];
}
