import { AGENT } from '@monitor/contracts/agent';
import { NO_PARAMS } from '../api/params';
import { request, type RequestDefinition } from '../api/request-registry';
import type { ContainerLogsService } from './container-logs.service';
import type { DockerListsService } from './docker-lists.service';
import {
  ContainerNameDto,
  GetContainerLogDto,
  GetContainerLogSearchDto,
  PruneDto,
} from './docker.dto';
import type { PruneService } from './prune.service';

export interface DockerServices {
  lists: DockerListsService;
  logs: ContainerLogsService;
  pruner: PruneService;
}

/** The Docker requests, by Komodo's periphery names. */
export function dockerRequests({ lists, logs, pruner }: DockerServices): RequestDefinition[] {
  return [
    request(AGENT.ListDockerContainers, NO_PARAMS, () => lists.containers()),
    request(AGENT.ListDockerImages, NO_PARAMS, () => lists.images()),
    request(AGENT.ListDockerNetworks, NO_PARAMS, () => lists.networks()),
    request(AGENT.ListDockerVolumes, NO_PARAMS, () => lists.volumes()),
    request(AGENT.InspectContainer, ContainerNameDto, (p) => logs.inspect(p.name, p.owner)),
    request(AGENT.GetContainerLog, GetContainerLogDto, (p) => logs.log(p)),
    request(AGENT.GetContainerLogSearch, GetContainerLogSearchDto, (p) => logs.search(p)),
    request(AGENT.PruneContainers, PruneDto, (p) => pruner.prune('containers', p.filters)),
    request(AGENT.PruneImages, PruneDto, (p) => pruner.prune('images', p.filters)),
    request(AGENT.PruneNetworks, PruneDto, (p) => pruner.prune('networks', p.filters)),
    request(AGENT.PruneVolumes, PruneDto, (p) => pruner.prune('volumes', p.filters)),
    request(AGENT.PruneSystem, PruneDto, (p) => pruner.pruneSystem(p.filters)),
  ];
}
