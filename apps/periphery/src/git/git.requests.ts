import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT } from '@monitor/contracts';
import { request, RequestRegistry } from '../api/request-registry';
import { CloneOrPullRepoDto } from './git.dto';
import { GitService } from './git.service';

/** A Stack's files from a git repository, into its directory. */
@Injectable()
export class GitRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly git: GitService,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      request(AGENT.CloneOrPullRepo, CloneOrPullRepoDto, (p) => this.git.cloneOrPull(p)),
    );
  }
}
