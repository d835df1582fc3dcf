import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EmptyDto } from '@monitor/contracts';
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
      request({
        name: 'ListDockerContainers',
        dto: EmptyDto,
        handle: () => this.lists.containers(),
      }),
      request({ name: 'ListDockerImages', dto: EmptyDto, handle: () => this.lists.images() }),
      request({ name: 'ListDockerNetworks', dto: EmptyDto, handle: () => this.lists.networks() }),
      request({ name: 'ListDockerVolumes', dto: EmptyDto, handle: () => this.lists.volumes() }),
      request({
        name: 'InspectContainer',
        dto: ContainerNameDto,
        handle: (p) => this.logs.inspect(p.name, p.owner),
      }),
      request({
        name: 'GetContainerLog',
        dto: GetContainerLogDto,
        handle: (p) => this.logs.log(p),
      }),
      request({
        name: 'GetContainerLogSearch',
        dto: GetContainerLogSearchDto,
        handle: (p) => this.logs.search(p),
      }),
      request({
        name: 'PruneContainers',
        dto: PruneDto,
        handle: (p) => this.pruner.prune('containers', p.filters),
      }),
      request({
        name: 'PruneImages',
        dto: PruneDto,
        handle: (p) => this.pruner.prune('images', p.filters),
      }),
      request({
        name: 'PruneNetworks',
        dto: PruneDto,
        handle: (p) => this.pruner.prune('networks', p.filters),
      }),
      request({
        name: 'PruneVolumes',
        dto: PruneDto,
        handle: (p) => this.pruner.prune('volumes', p.filters),
      }),
      request({
        name: 'PruneSystem',
        dto: PruneDto,
        handle: (p) => this.pruner.pruneSystem(p.filters),
      }),
    );
  }
}
