import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT } from '@monitor/contracts';
import { request, RequestRegistry } from '../api/request-registry';
import { ContainerActionDto, StopContainerDto } from './container-action.dto';
import { ContainerLifecycleService } from './container-lifecycle.service';
import { ContainerStatsService } from './container-stats.service';
import { DeployContainerDto } from './deploy-container.dto';
import { DeployService } from './deploy.service';
import { ImagePullService } from './image-pull.service';
import { ImageUpdateService } from './image-update.service';
import { CheckImageUpdateDto, PullImageDto } from './pull-image.dto';

/**
 * What a Deployment needs of the agent: pull, deploy, the container's lifecycle and stats, and
 * whether its image has a newer one at the registry.
 */
@Injectable()
export class ContainerRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly pulls: ImagePullService,
    private readonly deployer: DeployService,
    private readonly lifecycle: ContainerLifecycleService,
    private readonly statistics: ContainerStatsService,
    private readonly updates: ImageUpdateService,
  ) {}

  onModuleInit(): void {
    const stop = (p: StopContainerDto) => ({ signal: p.signal, timeSeconds: p.timeSeconds });
    this.registry.add(
      request(AGENT.PullImage, PullImageDto, (p) => this.pulls.pull(p.image, p.registry)),
      request(AGENT.CheckImageUpdate, CheckImageUpdateDto, (p) =>
        this.updates.check(p.container, p.image, p.registry, p.owner),
      ),
      request(AGENT.DeployContainer, DeployContainerDto, (p) => this.deployer.deploy(p)),
      request(AGENT.StartContainer, ContainerActionDto, (p) =>
        this.lifecycle.start(p.name, p.owner),
      ),
      request(AGENT.StopContainer, StopContainerDto, (p) =>
        this.lifecycle.stop(p.name, stop(p), p.owner),
      ),
      request(AGENT.RestartContainer, ContainerActionDto, (p) =>
        this.lifecycle.restart(p.name, p.owner),
      ),
      request(AGENT.PauseContainer, ContainerActionDto, (p) =>
        this.lifecycle.pause(p.name, p.owner),
      ),
      request(AGENT.UnpauseContainer, ContainerActionDto, (p) =>
        this.lifecycle.unpause(p.name, p.owner),
      ),
      request(AGENT.RemoveContainer, StopContainerDto, (p) =>
        this.lifecycle.remove(p.name, stop(p), p.owner),
      ),
      request(AGENT.GetContainerStats, ContainerActionDto, (p) =>
        this.statistics.stats(p.name, p.owner),
      ),
    );
  }
}
