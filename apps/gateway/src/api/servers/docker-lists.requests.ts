import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import { SERVER_FORMER_NAMES, SERVER_REQUESTS } from '@monitor/contracts';
import { RequestRegistry } from '../request-registry';

/**
 * Komodo 2's names of a server's Docker lists, each answered by the deployer's query of the
 * 1.x name (`ListDockerContainers`...), which the gateway answers too.
 */
const LISTS = [
  [SERVER_REQUESTS.ListContainers, SERVER_FORMER_NAMES.ListDockerContainers],
  [SERVER_REQUESTS.ListImages, SERVER_FORMER_NAMES.ListDockerImages],
  [SERVER_REQUESTS.ListNetworks, SERVER_FORMER_NAMES.ListDockerNetworks],
  [SERVER_REQUESTS.ListVolumes, SERVER_FORMER_NAMES.ListDockerVolumes],
] as const;

@Injectable()
export class DockerListRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
  ) {}

  onModuleInit(): void {
    for (const [entry, former] of LISTS) {
      const query = querySubject(former.name);
      this.registry.handle(entry, (params) => this.bus.request(query, { params }));
    }
  }
}
