import { MessagePattern } from '@nestjs/microservices';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  REPO_EXECUTION_FORMS,
  REPO_REQUESTS,
  RepoParamDto,
  requireValid,
} from '@monitor/contracts';
import { ExecutionRunner } from '@monitor/executions';
import { systemMeta, type CommandMeta, type WriteResult } from '@monitor/resources';
import { RepoBuilds } from './repo-builds';
import { RepoExecutions } from './repo-executions';

const queue = QUEUE_GROUPS.builder;
type Envelope = { params: unknown; meta: CommandMeta };

/** `exec.repo.<Execution>`: a Repo's executions, each answering its Update at once. */
@BusController()
export class RepoController implements OnApplicationBootstrap {
  constructor(
    private readonly repos: RepoExecutions,
    private readonly builds: RepoBuilds,
    private readonly runner: ExecutionRunner,
  ) {}

  /** A Repo's runs left unfinished when the builder stopped are marked interrupted. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.interruptUnfinished(['Repo'], systemMeta());
  }

  @MessagePattern(execSubject('Repo', REPO_REQUESTS.CloneRepo.name), { queue })
  clone({ params, meta }: Envelope): Promise<WriteResult> {
    return this.repos.sync('CloneRepo', requireValid(RepoParamDto, params).repo, meta);
  }

  @MessagePattern(execSubject('Repo', REPO_REQUESTS.PullRepo.name), { queue })
  pull({ params, meta }: Envelope): Promise<WriteResult> {
    return this.repos.sync('PullRepo', requireValid(RepoParamDto, params).repo, meta);
  }

  @MessagePattern(execSubject('Repo', REPO_REQUESTS.BuildRepo.name), { queue })
  build({ params, meta }: Envelope): Promise<WriteResult> {
    return this.builds.build(requireValid(RepoParamDto, params).repo, meta);
  }

  @MessagePattern(execSubject('Repo', REPO_REQUESTS.CancelRepoBuild.name), { queue })
  cancelBuild({ params, meta }: Envelope): Promise<WriteResult> {
    return this.builds.cancel(requireValid(RepoParamDto, params).repo, meta);
  }

  @MessagePattern(execSubject('Repo', REPO_EXECUTION_FORMS.RefreshRepoCache.name), { queue })
  refresh({ params, meta }: Envelope): Promise<WriteResult> {
    return this.repos.refresh(requireValid(RepoParamDto, params).repo, meta);
  }
}
