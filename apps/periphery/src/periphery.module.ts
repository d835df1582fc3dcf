import { Module, type DynamicModule } from '@nestjs/common';
import Dockerode from 'dockerode';
import { HealthRequests } from './api/health.requests';
import { RequestRegistry } from './api/request-registry';
import { RpcController } from './api/rpc.controller';
import { ComposeRunner } from './compose/compose-runner';
import { ComposeStatus } from './compose/compose-status';
import { ComposeRequests } from './compose/compose.requests';
import type { PeripheryConfig } from './config';
import { ContainerLifecycleService } from './docker/container-lifecycle.service';
import { ContainerLogsService } from './docker/container-logs.service';
import { ContainerStatsService } from './docker/container-stats.service';
import { ContainerRequests } from './docker/container.requests';
import { DeployService } from './docker/deploy.service';
import { DockerEngine } from './docker/docker-engine';
import { DockerListsService } from './docker/docker-lists.service';
import { DockerRequests } from './docker/docker.requests';
import { ImagePullService } from './docker/image-pull.service';
import { ImageUpdateService } from './docker/image-update.service';
import { PruneService } from './docker/prune.service';
import { StatsSampler } from './system/stats-sampler';
import { SystemRequests } from './system/system.requests';
import { GitRequests } from './git/git.requests';
import { GitService } from './git/git.service';
import { DOCKER, PERIPHERY_CONFIG } from './tokens';

/** The agent: one RPC route, and the features that register their requests on it. */
@Module({})
export class PeripheryModule {
  static forRoot(config: PeripheryConfig): DynamicModule {
    return {
      module: PeripheryModule,
      controllers: [RpcController],
      providers: [
        { provide: PERIPHERY_CONFIG, useValue: config },
        { provide: DOCKER, useFactory: () => new Dockerode({ socketPath: config.docker_socket }) },
        RequestRegistry,
        HealthRequests,
        StatsSampler,
        SystemRequests,
        DockerEngine,
        DockerListsService,
        ContainerLogsService,
        PruneService,
        DockerRequests,
        ImagePullService,
        ImageUpdateService,
        DeployService,
        ContainerLifecycleService,
        ContainerStatsService,
        ContainerRequests,
        ComposeRunner,
        ComposeStatus,
        ComposeRequests,
        GitService,
        GitRequests,
      ],
    };
  }
}
