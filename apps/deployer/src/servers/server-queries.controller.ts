import { Inject } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, BusError, querySubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  AGENT,
  type AgentEntry,
  GetContainerLogDto,
  GetHistoricalServerStatsDto,
  InspectContainerDto,
  SearchContainerLogDto,
  ServerParamDto,
  requireValid as valid,
  SERVER_REQUESTS,
} from '@monitor/contracts';
import { LOG_SEARCH_TAIL, searchedLog, TIMESTAMP_PREFIX, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { knownSecrets } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { redactLogLines, type Keyring } from '@monitor/secrets';
import { ExpiringAnswers } from './expiring-answers';
import { hostSecrets } from '../observation/host-secrets';
import { ServerAgents, type AgentCallArgs } from '@monitor/executions';
import { ServerObservations } from './server-observations';

const queue = QUEUE_GROUPS.deployer;
type Envelope = { params: unknown };

/** As Komodo's core: a server's processes are read at most every 15 seconds. */
const PROCESSES_TTL_MS = 15_000;

/** Live reads of servers: the deployer asks the agent, or answers from what polling saw. */
@BusController()
export class ServerQueriesController {
  private readonly processes = new ExpiringAnswers<unknown>(PROCESSES_TTL_MS);

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly agents: ServerAgents,
    private readonly observations: ServerObservations,
  ) {}

  @MessagePattern(querySubject(SERVER_REQUESTS.GetSystemInformation.name), { queue })
  info({ params }: Envelope) {
    return this.ask(valid(ServerParamDto, params).server, AGENT.GetSystemInformation);
  }

  @MessagePattern(querySubject(SERVER_REQUESTS.GetSystemStats.name), { queue })
  stats({ params }: Envelope) {
    const server = this.server(valid(ServerParamDto, params).server);
    return this.observations.latestStats(server.id) ?? this.ask(server.id, AGENT.GetSystemStats);
  }

  @MessagePattern(querySubject(SERVER_REQUESTS.GetHistoricalServerStats.name), { queue })
  history({ params }: Envelope) {
    const { server, granularity, page = 0 } = valid(GetHistoricalServerStatsDto, params);
    return this.observations.history(this.server(server).id, granularity, page);
  }

  @MessagePattern(querySubject(SERVER_REQUESTS.ListContainers.name), { queue })
  async containers({ params }: Envelope) {
    const server = this.server(valid(ServerParamDto, params).server);
    const containers = await this.ask(server.id, AGENT.ListDockerContainers);
    return containers.map((c) => ({ ...c, server_id: server.id, server_name: server.name }));
  }

  @MessagePattern(querySubject(SERVER_REQUESTS.ListImages.name), { queue })
  images({ params }: Envelope) {
    return this.ask(valid(ServerParamDto, params).server, AGENT.ListDockerImages);
  }

  @MessagePattern(querySubject(SERVER_REQUESTS.ListNetworks.name), { queue })
  networks({ params }: Envelope) {
    return this.ask(valid(ServerParamDto, params).server, AGENT.ListDockerNetworks);
  }

  @MessagePattern(querySubject(SERVER_REQUESTS.ListVolumes.name), { queue })
  volumes({ params }: Envelope) {
    return this.ask(valid(ServerParamDto, params).server, AGENT.ListDockerVolumes);
  }

  @MessagePattern(querySubject(SERVER_REQUESTS.GetContainerLog.name), { queue })
  log({ params }: Envelope) {
    const { server, container, tail, timestamps } = valid(GetContainerLogDto, params);
    return this.containerLog(server, container, tail, timestamps);
  }

  /** Searched here, in the masked log: the agent knows no secrets to mask before it searches. */
  @MessagePattern(querySubject(SERVER_REQUESTS.SearchContainerLog.name), { queue })
  async search({ params }: Envelope) {
    const {
      server,
      container,
      terms,
      combinator = 'Or',
      invert = false,
      timestamps,
    } = valid(SearchContainerLogDto, params);
    const log = await this.containerLog(server, container, LOG_SEARCH_TAIL, timestamps);
    return searchedLog(log, { terms, combinator, invert }, 'search container log');
  }

  /**
   * Any container of the server, Monitor's own agent or core among them: every secret of
   * Monitor's is masked in its environment.
   */
  @MessagePattern(querySubject(SERVER_REQUESTS.InspectContainer.name), { queue })
  async inspect({ params }: Envelope) {
    const { server, container } = valid(InspectContainerDto, params);
    const answer = await this.ask(server, AGENT.InspectContainer, { name: container });
    return hostSecrets(this.readModel, this.keyring, this.config).redactDeep(answer);
  }

  /** Command lines may carry secrets given as arguments: masked as in an inspect. */
  @MessagePattern(querySubject(SERVER_REQUESTS.ListSystemProcesses.name), { queue })
  async systemProcesses({ params }: Envelope) {
    const server = this.server(valid(ServerParamDto, params).server);
    const answer = await this.processes.get(server.id, () =>
      this.ask(server.id, AGENT.GetSystemProcesses),
    );
    return hostSecrets(this.readModel, this.keyring, this.config).redactDeep(answer);
  }

  /**
   * A container may print what it was given: no secret leaves through its log. Read with
   * timestamps, it is masked as if they were not there, or they would cut a multi-line secret
   * into lines that each pass.
   */
  private async containerLog(server: string, name: string, tail: number, timestamps?: boolean) {
    const log = await this.ask(server, AGENT.GetContainerLog, { name, tail, timestamps });
    const secrets = knownSecrets(this.readModel, this.keyring);
    return secrets.redactDeep(timestamps ? redactLogLines(secrets, log, TIMESTAMP_PREFIX) : log);
  }

  private server(idOrName: string): Resource<'Server'> {
    const server = this.readModel.resource('Server', idOrName);
    if (!server) throw new BusError('NOT_FOUND', `no Server has the name or id '${idOrName}'`);
    return server;
  }

  private ask<E extends AgentEntry>(idOrName: string, entry: E, ...args: AgentCallArgs<E>) {
    return this.agents.ask(entry, this.server(idOrName), ...args);
  }
}
