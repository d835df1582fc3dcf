import type { ReadResponses } from 'komodo_client';
import {
  GetContainerLogDto,
  GetHistoricalServerStatsDto,
  InspectContainerDto,
  SearchContainerLogDto,
  ServerParamDto,
} from '../requests/servers.dto';
import type { ContainerAnswer } from './answers';
import { entry, komodo, on } from './entry';

const read = on<ServerParamDto>('Server', 'server', 'Read');
const execute = on<ServerParamDto>('Server', 'server', 'Execute');

/**
 * A server's own requests. Its live reads are answered by the deployer, which talks to the
 * agents; a container's log needs Logs on the server, its inspect Inspect, the host's processes
 * Processes, as in Komodo.
 */
export const SERVER_REQUESTS = {
  GetServerState: komodo('GetServerState', 'read', ServerParamDto, read, 'gateway'),
  GetSystemInformation: komodo('GetSystemInformation', 'read', ServerParamDto, read, 'deployer'),
  GetSystemStats: komodo('GetSystemStats', 'read', ServerParamDto, read, 'deployer'),
  GetHistoricalServerStats: komodo(
    'GetHistoricalServerStats',
    'read',
    GetHistoricalServerStatsDto,
    read,
    'deployer',
  ),
  ListSystemProcesses: komodo(
    'ListSystemProcesses',
    'read',
    ServerParamDto,
    on('Server', 'server', 'Read', ['Processes']),
    'deployer',
  ),
  ListContainers: entry<ContainerAnswer[]>()(
    'ListContainers',
    'read',
    ServerParamDto,
    read,
    'deployer',
  ),
  ListImages: komodo('ListImages', 'read', ServerParamDto, read, 'deployer'),
  ListNetworks: komodo('ListNetworks', 'read', ServerParamDto, read, 'deployer'),
  ListVolumes: komodo('ListVolumes', 'read', ServerParamDto, read, 'deployer'),
  GetContainerLog: komodo(
    'GetContainerLog',
    'read',
    GetContainerLogDto,
    on('Server', 'server', 'Read', ['Logs']),
    'deployer',
  ),
  SearchContainerLog: komodo(
    'SearchContainerLog',
    'read',
    SearchContainerLogDto,
    on('Server', 'server', 'Read', ['Logs']),
    'deployer',
  ),
  InspectContainer: komodo(
    'InspectContainer',
    'read',
    InspectContainerDto,
    on('Server', 'server', 'Read', ['Inspect']),
    'deployer',
  ),
  PruneImages: komodo('PruneImages', 'execute', ServerParamDto, execute, 'deployer'),
  PruneContainers: komodo('PruneContainers', 'execute', ServerParamDto, execute, 'deployer'),
  PruneNetworks: komodo('PruneNetworks', 'execute', ServerParamDto, execute, 'deployer'),
  PruneVolumes: komodo('PruneVolumes', 'execute', ServerParamDto, execute, 'deployer'),
  PruneSystem: komodo('PruneSystem', 'execute', ServerParamDto, execute, 'deployer'),
};

/**
 * Names from before Komodo 2 that Monitor still answers, each as the request it stands for
 * (Komodo 2.3 kept `InspectDockerContainer`; the `ListDocker*` lists are Komodo 1.x's).
 */
export const SERVER_FORMER_NAMES = {
  ListDockerContainers: entry<ContainerAnswer[]>()(
    'ListDockerContainers',
    'read',
    ServerParamDto,
    read,
    'deployer',
  ),
  ListDockerImages: entry<ReadResponses['ListImages']>()(
    'ListDockerImages',
    'read',
    ServerParamDto,
    read,
    'deployer',
  ),
  ListDockerNetworks: entry<ReadResponses['ListNetworks']>()(
    'ListDockerNetworks',
    'read',
    ServerParamDto,
    read,
    'deployer',
  ),
  ListDockerVolumes: entry<ReadResponses['ListVolumes']>()(
    'ListDockerVolumes',
    'read',
    ServerParamDto,
    read,
    'deployer',
  ),
  InspectDockerContainer: entry<ReadResponses['InspectContainer']>()(
    'InspectDockerContainer',
    'read',
    InspectContainerDto,
    on('Server', 'server', 'Read', ['Inspect']),
    'deployer',
  ),
};
