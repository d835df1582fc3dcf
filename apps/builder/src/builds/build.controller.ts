import { MessagePattern } from '@nestjs/microservices';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import { BUILD_REQUESTS, BuildParamDto, requireValid } from '@monitor/contracts';
import { ExecutionRunner } from '@monitor/executions';
import { systemMeta, type CommandMeta, type WriteResult } from '@monitor/resources';
import { BuildExecutions } from './build-executions';
import { BuildRefresh } from './build-refresh';

const queue = QUEUE_GROUPS.builder;
type Envelope = { params: unknown; meta: CommandMeta };

/** `exec.build.<Execution>`: a Build's executions, each answering its Update at once. */
@BusController()
export class BuildController implements OnApplicationBootstrap {
  constructor(
    private readonly builds: BuildExecutions,
    private readonly runner: ExecutionRunner,
    private readonly refreshes: BuildRefresh,
  ) {}

  /** A Build's runs left unfinished when the builder stopped are marked interrupted. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.interruptUnfinished(['Build'], systemMeta());
  }

  @MessagePattern(execSubject('Build', BUILD_REQUESTS.RunBuild.name), { queue })
  run({ params, meta }: Envelope): Promise<WriteResult> {
    return this.builds.run(requireValid(BuildParamDto, params).build, meta);
  }

  @MessagePattern(execSubject('Build', BUILD_REQUESTS.CancelBuild.name), { queue })
  cancel({ params, meta }: Envelope): Promise<WriteResult> {
    return this.builds.cancel(requireValid(BuildParamDto, params).build, meta);
  }

  @MessagePattern(execSubject('Build', BUILD_REQUESTS.RefreshBuildCache.name), { queue })
  refresh({ params, meta }: Envelope): Promise<WriteResult> {
    return this.refreshes.refresh(requireValid(BuildParamDto, params).build, meta);
  }
}
