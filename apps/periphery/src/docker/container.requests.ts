import { AGENT } from '@monitor/contracts/agent';
import { request, type RequestDefinition } from '../api/request-registry';
import { ContainerActionDto, StopContainerDto } from './container-action.dto';
import type { ContainerLifecycleService } from './container-lifecycle.service';
import type { ContainerStatsService } from './container-stats.service';
import { DeployContainerDto } from './deploy-container.dto';
import type { DeployService } from './deploy.service';
import type { ImagePullService } from './image-pull.service';
import type { ImageUpdateService } from './image-update.service';
import { CheckImageUpdateDto, PullImageDto } from './pull-image.dto';

export interface ContainerServices {
  pulls: ImagePullService;
  deployer: DeployService;
  lifecycle: ContainerLifecycleService;
  statistics: ContainerStatsService;
  updates: ImageUpdateService;
}

/**
 * What a Deployment needs of the agent: pull, deploy, the container's lifecycle and stats, and
 * whether its image has a newer one at the registry.
 */
export function containerRequests(services: ContainerServices): RequestDefinition[] {
  const { pulls, deployer, lifecycle, statistics, updates } = services;
  const stop = (p: StopContainerDto) => ({ signal: p.signal, timeSeconds: p.timeSeconds });
  return [
    request(AGENT.PullImage, PullImageDto, (p) => pulls.pull(p.image, p.registry)),
    request(AGENT.CheckImageUpdate, CheckImageUpdateDto, (p) =>
      updates.check(p.container, p.image, p.registry, p.owner),
    ),
    request(AGENT.DeployContainer, DeployContainerDto, (p) => deployer.deploy(p)),
    request(AGENT.StartContainer, ContainerActionDto, (p) => lifecycle.start(p.name, p.owner)),
    request(AGENT.StopContainer, StopContainerDto, (p) => lifecycle.stop(p.name, stop(p), p.owner)),
    request(AGENT.RestartContainer, ContainerActionDto, (p) => lifecycle.restart(p.name, p.owner)),
    request(AGENT.PauseContainer, ContainerActionDto, (p) => lifecycle.pause(p.name, p.owner)),
    request(AGENT.UnpauseContainer, ContainerActionDto, (p) => lifecycle.unpause(p.name, p.owner)),
    request(AGENT.RemoveContainer, StopContainerDto, (p) =>
      lifecycle.remove(p.name, stop(p), p.owner),
    ),
    request(AGENT.GetContainerStats, ContainerActionDto, (p) => statistics.stats(p.name, p.owner)),
  ];
}
