import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT, EmptyDto } from '@monitor/contracts';
import { request, RequestRegistry } from '../api/request-registry';
import { ContainerLogsService } from './container-logs.service';
import { DockerListsService } from './docker-lists.service';
import {
  ContainerNameDto,
  GetContainerLogDto,
  GetContainerLogSearchDto,
  PruneDto,
} from './docker.dto';
import { PruneService } from './prune.service';

/** The Docker requests, by Komodo's periphery names. */
@Injectable()
export class DockerRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly lists: DockerListsService,
    private readonly logs: ContainerLogsService,
    private readonly pruner: PruneService,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      request(AGENT.ListDockerContainers, EmptyDto, () => this.lists.containers()),
      request(AGENT.ListDockerImages, EmptyDto, () => this.lists.images()),
      request(AGENT.ListDockerNetworks, EmptyDto, () => this.lists.networks()),
      request(AGENT.ListDockerVolumes, EmptyDto, () => this.lists.volumes()),
      request(AGENT.InspectContainer, ContainerNameDto, (p) => this.logs.inspect(p.name, p.owner)),
      request(AGENT.GetContainerLog, GetContainerLogDto, (p) => this.logs.log(p)),
      request(AGENT.GetContainerLogSearch, GetContainerLogSearchDto, (p) => this.logs.search(p)),
      request(AGENT.PruneContainers, PruneDto, (p) => this.pruner.prune('containers', p.filters)),
      request(AGENT.PruneImages, PruneDto, (p) => this.pruner.prune('images', p.filters)),
      request(AGENT.PruneNetworks, PruneDto, (p) => this.pruner.prune('networks', p.filters)),
      request(AGENT.PruneVolumes, PruneDto, (p) => this.pruner.prune('volumes', p.filters)),
      request(AGENT.PruneSystem, PruneDto, (p) => this.pruner.pruneSystem(p.filters)),
    );
  }
}
