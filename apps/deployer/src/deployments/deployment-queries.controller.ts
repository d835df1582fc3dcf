import { MessagePattern } from '@nestjs/microservices';
import { BusController, querySubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  DeployDto,
  GetDeploymentLogDto,
  requireValid,
  SearchDeploymentLogDto,
} from '@monitor/contracts';
import type { Resource } from '@monitor/domain';
import { fromAgent } from '../servers/agent-errors';
import { ServerAgents } from '../servers/server-agents';
import { DeploymentContext } from './deployment-context';
import { DeploymentObserver } from './deployment-observer';

const queue = QUEUE_GROUPS.deployer;
type Envelope = { params: unknown };

/** A deployment's container logs and stats, asked of its server's agent. */
@BusController()
export class DeploymentQueriesController {
  constructor(
    private readonly context: DeploymentContext,
    private readonly observer: DeploymentObserver,
    private readonly agents: ServerAgents,
  ) {}

  @MessagePattern(querySubject('GetDeploymentLog'), { queue })
  log({ params }: Envelope) {
    const { deployment, tail = 100, timestamps } = requireValid(GetDeploymentLogDto, params);
    return this.ask(deployment, 'GetContainerLog', { tail, timestamps });
  }

  @MessagePattern(querySubject('SearchDeploymentLog'), { queue })
  search({ params }: Envelope) {
    const {
      deployment,
      terms,
      combinator = 'Or',
      invert = false,
      timestamps,
    } = requireValid(SearchDeploymentLogDto, params);
    return this.ask(deployment, 'GetContainerLogSearch', { terms, combinator, invert, timestamps });
  }

  @MessagePattern(querySubject('GetDeploymentStats'), { queue })
  stats({ params }: Envelope) {
    return this.ask(requireValid(DeployDto, params).deployment, 'GetContainerStats', {});
  }

  private async ask(idOrName: string, type: string, params: object) {
    const deployment = this.context.deployment(idOrName);
    let server: Resource | undefined;
    try {
      server = this.context.server(deployment);
      return await this.agents.call(server, type, {
        name: this.observer.containerNameOf(deployment),
        ...params,
      });
    } catch (error) {
      if (!server) throw error;
      throw fromAgent(server, error);
    }
  }
}
