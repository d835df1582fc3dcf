import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import { SERVER_FORMER_NAMES, SERVER_REQUESTS } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { KindRequests } from '../kind-requests';
import { RequestRegistry } from '../request-registry';
import { serverState } from './server-state';

/** Live reads of a server, answered by the deployer (it talks to the agents). */
const FORWARDED_READS = [
  SERVER_REQUESTS.GetSystemInformation,
  SERVER_REQUESTS.GetSystemStats,
  SERVER_REQUESTS.GetHistoricalServerStats,
  SERVER_REQUESTS.GetContainerLog,
  SERVER_REQUESTS.SearchContainerLog,
  SERVER_REQUESTS.InspectContainer,
  SERVER_REQUESTS.ListSystemProcesses,
];

const SERVER_EXECUTIONS = [
  SERVER_REQUESTS.PruneImages,
  SERVER_REQUESTS.PruneContainers,
  SERVER_REQUESTS.PruneNetworks,
  SERVER_REQUESTS.PruneVolumes,
  SERVER_REQUESTS.PruneSystem,
];

/** Server state, stats, containers and logs; prune executions. */
@Injectable()
export class ServerRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    private readonly kind: KindRequests,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(SERVER_REQUESTS.GetServerState, async ({ server }) => {
      const { state, reason, version } = serverState(
        this.readModel,
        this.readModel.resource('Server', server)!,
      );
      return { status: state, reason, version };
    });
    this.kind.forwardReads(FORWARDED_READS);
    // Komodo 2.3 kept the name it had before InspectContainer.
    this.registry.handle(SERVER_FORMER_NAMES.InspectDockerContainer, (params) =>
      this.bus.request(querySubject(SERVER_REQUESTS.InspectContainer.name), { params }),
    );
    this.kind.executionsOf('Server', { executions: SERVER_EXECUTIONS, param: 'server' });
  }
}
