import { MessagePattern } from '@nestjs/microservices';
import { BusController, querySubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  DeployDto,
  GetDeploymentLogDto,
  InspectDeploymentContainerDto,
  requireValid,
  SearchDeploymentLogDto,
  DEPLOYMENT_REQUESTS,
  AGENT,
  type AgentAnswerOf,
  type AgentEntry,
  type AgentParamsOf,
  type ContainerParams,
} from '@monitor/contracts';
import { Inject } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { LOG_SEARCH_TAIL, searchedLog, TIMESTAMP_PREFIX } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { knownSecrets } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { redactLogLines, type Keyring } from '@monitor/secrets';
import { hostSecrets } from '../observation/host-secrets';
import { ServerAgents, type AgentCallArgs } from '@monitor/executions';
import { DeploymentContext } from './deployment-context';
import { DeploymentObserver } from './deployment-observer';

const queue = QUEUE_GROUPS.deployer;
type Envelope = { params: unknown };

/** An agent request about one container, named (and owned) as `name` and `owner` say. */
type ContainerRequest = AgentEntry<string, ContainerParams, unknown>;
/** Its params but the container's, which the deployment gives. */
type OtherParams<E> = Omit<AgentParamsOf<E>, keyof ContainerParams>;

/** A deployment's container logs, stats and inspect, asked of its server's agent. */
@BusController()
export class DeploymentQueriesController {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly context: DeploymentContext,
    private readonly observer: DeploymentObserver,
    private readonly agents: ServerAgents,
  ) {}

  @MessagePattern(querySubject(DEPLOYMENT_REQUESTS.GetDeploymentLog.name), { queue })
  log({ params }: Envelope) {
    const { deployment, tail = 100, timestamps } = requireValid(GetDeploymentLogDto, params);
    return this.containerLog(deployment, tail, timestamps);
  }

  /** Searched here, in the masked log: the agent knows no secrets to mask before it searches. */
  @MessagePattern(querySubject(DEPLOYMENT_REQUESTS.SearchDeploymentLog.name), { queue })
  async search({ params }: Envelope) {
    const {
      deployment,
      terms,
      combinator = 'Or',
      invert = false,
      timestamps,
    } = requireValid(SearchDeploymentLogDto, params);
    const log = await this.containerLog(deployment, LOG_SEARCH_TAIL, timestamps);
    return searchedLog(log, { terms, combinator, invert }, 'search container log');
  }

  @MessagePattern(querySubject(DEPLOYMENT_REQUESTS.GetDeploymentStats.name), { queue })
  stats({ params }: Envelope) {
    return this.ask(requireValid(DeployDto, params).deployment, AGENT.GetContainerStats, {});
  }

  /** Its environment holds interpolated secrets: masked, with every secret of Monitor's. */
  @MessagePattern(querySubject(DEPLOYMENT_REQUESTS.InspectDeploymentContainer.name), { queue })
  async inspect({ params }: Envelope) {
    const { deployment } = requireValid(InspectDeploymentContainerDto, params);
    const answer = await this.fromAgent(deployment, AGENT.InspectContainer, {});
    return hostSecrets(this.readModel, this.keyring, this.config).redactDeep(answer);
  }

  /** The container's log, masked; read with timestamps, masked as if they were not there. */
  private async containerLog(idOrName: string, tail: number, timestamps?: boolean) {
    const log = await this.fromAgent(idOrName, AGENT.GetContainerLog, {
      tail,
      timestamps,
    });
    const secrets = this.secrets();
    return secrets.redactDeep(timestamps ? redactLogLines(secrets, log, TIMESTAMP_PREFIX) : log);
  }

  private async ask<E extends ContainerRequest>(
    idOrName: string,
    entry: E,
    params: OtherParams<E>,
  ): Promise<AgentAnswerOf<E>> {
    return this.secrets().redactDeep(await this.fromAgent(idOrName, entry, params));
  }

  /** A request about the deployment's container: its name and owner are added to `params`. */
  private fromAgent<E extends ContainerRequest>(
    idOrName: string,
    entry: E,
    params: OtherParams<E>,
  ): Promise<AgentAnswerOf<E>> {
    const deployment = this.context.deployment(idOrName);
    const container: ContainerParams = {
      name: this.observer.containerNameOf(deployment),
      owner: { kind: 'Deployment', id: deployment.id },
    };
    // The compiler cannot follow a generic spread: the two parts make the entry's params.
    const all = { ...container, ...params } as AgentParamsOf<E>;
    return this.agents.ask(entry, this.context.server(deployment), ...([all] as AgentCallArgs<E>));
  }

  /** A container may print what it was given: no secret leaves through its log. */
  private secrets() {
    return knownSecrets(this.readModel, this.keyring);
  }
}
