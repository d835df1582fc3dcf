import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import { SERVER_FORMER_NAMES, SERVER_REQUESTS } from '@monitor/contracts';
import { RequestRegistry } from '../request-registry';

/**
 * A server's Docker lists: each answered by the deployer's query of Komodo 2's name
 * (`ListContainers`...), under that name and Komodo 1.x's (`ListDockerContainers`...), which the
 * catalogue keeps as a public alias.
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
      const query = querySubject(entry.name);
      this.registry.handle(entry, (params) => this.bus.request(query, { params }));
      this.registry.handle(former, (params) => this.bus.request(query, { params }));
    }
  }
}
