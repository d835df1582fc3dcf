import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import { ServerParamDto } from '@monitor/contracts';
import { request, RequestRegistry } from '../request-registry';

/**
 * Komodo 2's names of a server's Docker lists, each answered by the deployer's query of the
 * 1.x name (`ListDockerContainers`...), which the gateway answers too.
 */
const LISTS: [string, string][] = [
  ['ListContainers', 'ListDockerContainers'],
  ['ListImages', 'ListDockerImages'],
  ['ListNetworks', 'ListDockerNetworks'],
  ['ListVolumes', 'ListDockerVolumes'],
];

@Injectable()
export class DockerListRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      ...LISTS.map(([name, query]) =>
        request({
          verb: 'read',
          name,
          dto: ServerParamDto,
          access: {
            type: 'resource',
            level: 'Read',
            target: ({ server }: ServerParamDto) => ({ kind: 'Server', id: server }),
          },
          handle: (params) => this.bus.request(querySubject(query), { params }),
        }),
      ),
    );
  }
}
