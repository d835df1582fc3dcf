import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import { AGENT, requireValid, ServerParamDto, SERVER_REQUESTS } from '@monitor/contracts';
import { notFound, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ExecutionRunner, ServerAgents } from '@monitor/executions';
import { systemMeta, type CommandMeta, type WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';

const queue = QUEUE_GROUPS.deployer;

/** The agent's prunes: each is the execution of the same name. */
type PruneRequest = (typeof AGENT)[
  'PruneImages' | 'PruneContainers' | 'PruneNetworks' | 'PruneVolumes' | 'PruneSystem'];

/** Executions on a whole server: prunes. Each answers an Update at once and logs the agent's answer. */
@BusController()
export class ServerExecutionsController implements OnApplicationBootstrap {
  /** Executions begun since (another replica's launch while this one started) run on. */
  private readonly processStart = Date.now();

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly agents: ServerAgents,
    private readonly runner: ExecutionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.interruptUnfinished(
      ['Server', 'Deployment', 'Stack', 'ServerTemplate'],
      systemMeta(),
      this.processStart,
    );
  }

  @MessagePattern(execSubject('Server', SERVER_REQUESTS.PruneImages.name), { queue })
  images(envelope: { params: unknown; meta: CommandMeta }) {
    return this.prune(AGENT.PruneImages, 'prune images', envelope);
  }

  @MessagePattern(execSubject('Server', SERVER_REQUESTS.PruneContainers.name), { queue })
  containers(envelope: { params: unknown; meta: CommandMeta }) {
    return this.prune(AGENT.PruneContainers, 'prune containers', envelope);
  }

  @MessagePattern(execSubject('Server', SERVER_REQUESTS.PruneNetworks.name), { queue })
  networks(envelope: { params: unknown; meta: CommandMeta }) {
    return this.prune(AGENT.PruneNetworks, 'prune networks', envelope);
  }

  @MessagePattern(execSubject('Server', SERVER_REQUESTS.PruneVolumes.name), { queue })
  volumes(envelope: { params: unknown; meta: CommandMeta }) {
    return this.prune(AGENT.PruneVolumes, 'prune volumes', envelope);
  }

  @MessagePattern(execSubject('Server', SERVER_REQUESTS.PruneSystem.name), { queue })
  system(envelope: { params: unknown; meta: CommandMeta }) {
    return this.prune(AGENT.PruneSystem, 'prune system', envelope);
  }

  private async prune(
    request: PruneRequest,
    stage: string,
    { params, meta }: { params: unknown; meta: CommandMeta },
  ): Promise<WriteResult> {
    const operation = request.name;
    const server = this.server(requireValid(ServerParamDto, params).server);
    const { id, position } = await this.runner.start({
      operation,
      target: { type: 'Server', id: server.id },
      meta,
      work: async (context) => {
        await context.stage(stage, `${operation} on ${server.name}`, async () => {
          const log = await this.agents.call(request, server, {}, 120_000);
          return { stdout: log.stdout, stderr: log.stderr, success: log.success };
        });
      },
    });
    return { id, position };
  }

  private server(idOrName: string): Resource<'Server'> {
    const server = this.readModel.resource('Server', idOrName);
    if (!server) throw notFound(`no Server has the name or id '${idOrName}'`);
    return server;
  }
}
