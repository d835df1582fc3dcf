import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import {
  GetContainerLogDto,
  GetHistoricalServerStatsDto,
  InspectContainerDto,
  SearchContainerLogDto,
  ServerParamDto,
} from '@monitor/contracts';
import type { SpecificPermission } from '@monitor/domain';
import { startExecution } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { toKomodoUpdate } from '../komodo-shapes';
import { request, RequestRegistry, type Access } from '../request-registry';
import { serverState } from './server-state';

/**
 * Live reads of a server, answered by the deployer (it talks to the agents), with the specific
 * permissions each needs beside Read (Komodo's: any container's log needs Logs on the server, its
 * inspect Inspect, the host's processes Processes).
 */
const FORWARDED_READS: [string, new () => ServerParamDto, SpecificPermission[]][] = [
  ['GetSystemInformation', ServerParamDto, []],
  ['GetSystemStats', ServerParamDto, []],
  ['GetHistoricalServerStats', GetHistoricalServerStatsDto, []],
  ['ListDockerContainers', ServerParamDto, []],
  ['ListDockerImages', ServerParamDto, []],
  ['ListDockerNetworks', ServerParamDto, []],
  ['ListDockerVolumes', ServerParamDto, []],
  ['GetContainerLog', GetContainerLogDto, ['Logs']],
  ['SearchContainerLog', SearchContainerLogDto, ['Logs']],
  ['InspectContainer', InspectContainerDto, ['Inspect']],
  ['ListSystemProcesses', ServerParamDto, ['Processes']],
];

/** Names from before Komodo 2.3.0 that Komodo still answers, each with the read it stands for. */
const FORMER_NAMES: [string, string][] = [['InspectDockerContainer', 'InspectContainer']];

export const SERVER_EXECUTIONS = [
  'PruneImages',
  'PruneContainers',
  'PruneNetworks',
  'PruneVolumes',
  'PruneSystem',
];

const onServer = (
  level: 'Read' | 'Execute',
  specific: SpecificPermission[] = [],
): Access<ServerParamDto> => ({
  type: 'resource',
  level,
  specific,
  target: ({ server }) => ({ kind: 'Server', id: server }),
});

/** Server state, stats, containers and logs; prune executions. */
@Injectable()
export class ServerRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      request({
        verb: 'read',
        name: 'GetServerState',
        dto: ServerParamDto,
        access: onServer('Read'),
        handle: async ({ server }) => {
          const { state, reason, version } = serverState(
            this.readModel,
            this.readModel.resource('Server', server)!,
          );
          return { status: state, reason, version };
        },
      }),
      ...FORWARDED_READS.map(([name, dto, specific]) =>
        request({
          verb: 'read',
          name,
          dto,
          access: onServer('Read', specific),
          handle: (params) => this.bus.request(querySubject(name), { params }),
        }),
      ),
      ...FORMER_NAMES.map(([former, name]) => {
        const [, dto, specific] = FORWARDED_READS.find(([read]) => read === name)!;
        return request({
          verb: 'read',
          name: former,
          dto,
          access: onServer('Read', specific),
          handle: (params) => this.bus.request(querySubject(name), { params }),
        });
      }),
      ...SERVER_EXECUTIONS.map((name) =>
        request({
          verb: 'execute',
          name,
          dto: ServerParamDto,
          access: onServer('Execute'),
          handle: async (params, { meta }) =>
            toKomodoUpdate(
              await startExecution(
                { bus: this.bus, readModel: this.readModel },
                { kind: 'Server', execution: name, params, meta },
              ),
            ),
        }),
      ),
    );
  }
}
