import { Inject, Injectable } from '@nestjs/common';
import { AGENT } from '@monitor/contracts';
import {
  atBuiltVersion,
  conflict,
  DEPLOYMENT_DEPLOYS,
  invalid,
  joinedContainers,
  recordedRuns,
  replayResource,
  resourceStream,
  type Resource,
  type Version,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import {
  NameRegistry,
  ResourceCommands,
  RuntimeNameReservations,
  type CommandMeta,
  type WriteResult,
} from '@monitor/resources';
import { ServerAgents, type ExecutionContext } from '@monitor/executions';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ObservedExecutions } from '../observation/observed-executions';
import { DeploymentContext, type PreparedDeploy } from './deployment-context';
import { DeploymentObserver } from './deployment-observer';

/** The container actions besides Deploy: the agent request, and the stage name in the Update. */
export const CONTAINER_ACTIONS = {
  StartDeployment: [AGENT.StartContainer, 'start container'],
  StopDeployment: [AGENT.StopContainer, 'stop container'],
  RestartDeployment: [AGENT.RestartContainer, 'restart container'],
  PauseDeployment: [AGENT.PauseContainer, 'pause container'],
  UnpauseDeployment: [AGENT.UnpauseContainer, 'unpause container'],
  DestroyDeployment: [AGENT.RemoveContainer, 'destroy container'],
} as const;
export type ContainerAction = keyof typeof CONTAINER_ACTIONS;

const AGENT_TIMEOUT = 10 * 60_000;

export interface DeployOptions {
  operation?: string;
  before?: (ctx: ExecutionContext) => Promise<void>;
  built?: Version;
}

/** Deploy, the container actions and rollback of Deployments, each an execution with stages. */
@Injectable()
export class DeploymentExecutions {
  private readonly runtimeNames: RuntimeNameReservations;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly executions: ObservedExecutions,
    private readonly agents: ServerAgents,
    private readonly context: DeploymentContext,
    private readonly observer: DeploymentObserver,
    private readonly resources: ResourceCommands,
  ) {
    this.runtimeNames = new RuntimeNameReservations(store, new NameRegistry(store), readModel);
  }

  /**
   * Deploys the config as it is when the work starts; `before` runs first, and `built` is the
   * version to run when the image follows a Build (a redeploy after that build).
   */
  deploy(idOrName: string, meta: CommandMeta, options: DeployOptions = {}) {
    const { operation = 'Deploy', before, built } = options;
    const deployment = this.context.deployment(idOrName);
    return this.execute(deployment, operation, meta, async (ctx) => {
      await before?.(ctx);
      const current = this.context.deployment(deployment.id);
      let prepared!: PreparedDeploy;
      let joined: string | undefined;
      await ctx.stage(
        'prepare',
        `resolve the image and the container of '${current.name}'`,
        async () => {
          const config = built ? atBuiltVersion(current.config, built) : current.config;
          prepared = this.context.prepare(current, config);
          joined = await this.joinedDeployment(current, prepared.server);
          return {
            stdout: `server: ${prepared.server.name}\nimage: ${prepared.image}\ncontainer: ${prepared.spec.name}`,
          };
        },
      );
      const { server, image, spec, registry, secrets } = prepared;
      for (const secret of secrets) ctx.secret(secret);
      const pull = await this.agents.stream(
        AGENT.PullImage,
        server,
        ctx.output,
        { image, ...(registry ? { registry } : {}) },
        AGENT_TIMEOUT,
      );
      // A failed pull of an image the host already has is logged, and the local image used.
      await ctx.appendLogs([
        { ...pull, success: pull.success || pull.local_image_available === true },
      ]);
      const { name, image: _image, ...engineSpec } = spec;
      const deployed = await this.agents.stream(
        AGENT.DeployContainer,
        server,
        ctx.output,
        {
          name,
          image,
          spec: engineSpec,
          owner: { kind: 'Deployment', id: current.id },
          ...(joined ? { joined_deployment: joined } : {}),
        },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs(deployed.logs);
      await ctx.record({
        image,
        config_revision: current.revision,
        container: name,
        container_id: deployed.container_id,
      });
    });
  }

  action(
    action: ContainerAction,
    idOrName: string,
    meta: CommandMeta,
    params: { signal?: string; time?: number } = {},
  ) {
    const deployment = this.context.deployment(idOrName);
    const [request, stage] = CONTAINER_ACTIONS[action];
    return this.execute(deployment, action, meta, async (ctx) => {
      const server = this.context.server(deployment);
      const name = this.observer.containerNameOf(deployment);
      const signal = params.signal ?? deployment.config.termination_signal;
      const timeSeconds = params.time ?? deployment.config.termination_timeout;
      const stopping = request === AGENT.StopContainer || request === AGENT.RemoveContainer;
      await ctx.stage(stage, `${request.name} ${name}`, async () => {
        const log = await this.agents.call(
          request,
          server,
          {
            name,
            owner: { kind: 'Deployment', id: deployment.id },
            ...(stopping ? { signal, timeSeconds } : {}),
          },
          AGENT_TIMEOUT,
        );
        return { stdout: log.stdout, stderr: log.stderr, success: log.success };
      });
    });
  }

  /**
   * Redeploys what an earlier successful Deploy deployed: the previous one by default, or the
   * one that deployed the config at `revision`. The config goes back to that revision first (an
   * ordinary, audited config change), then it is deployed.
   */
  rollback(idOrName: string, meta: CommandMeta, revision?: number) {
    const deployment = this.context.deployment(idOrName);
    const deploys = recordedRuns(
      this.readModel.executions.forTarget('Deployment', deployment.id),
      DEPLOYMENT_DEPLOYS,
    );
    const target =
      revision === undefined
        ? deploys[1]
        : deploys.find((x) => x.otherData?.config_revision === revision);
    if (!target) {
      throw conflict(
        revision === undefined
          ? `Deployment '${deployment.name}' has no earlier successful Deploy to roll back to`
          : `no successful Deploy of Deployment '${deployment.name}' deployed config revision ${revision}`,
      );
    }
    const configRevision = Number(target.otherData?.config_revision);
    return this.deploy(deployment.id, meta, {
      operation: 'RollbackDeployment',
      before: async (ctx) => {
        await ctx.stage(
          'restore config',
          `config as of revision ${configRevision} (Update ${target.id})`,
          async () => {
            const events = await this.store.readStream(resourceStream('Deployment', deployment.id));
            const then = replayResource(
              events
                .filter((e) => e.revision <= configRevision)
                .map((e) => ({ ...e, at: e.metadata.at })),
            );
            if (then.status === 'Empty')
              throw new Error(`revision ${configRevision} of '${deployment.name}' not found`);
            await this.resources.update('Deployment', deployment.id, then.resource.config, meta);
            return {
              stdout: `config restored to revision ${configRevision}; image ${String(target.otherData?.image)}`,
            };
          },
        );
      },
    });
  }

  /**
   * The Deployment whose container `network: container:<name>` joins, found again at each
   * Deploy (the name may have changed hands since the config was written): the agent then joins
   * only a container labelled as that Deployment's.
   */
  private async joinedDeployment(deployment: Resource<'Deployment'>, server: Resource<'Server'>) {
    const [name] = joinedContainers(deployment.config);
    if (name === undefined) return undefined;
    const joined = await this.runtimeNames.deploymentOfContainer(server.id, name);
    if (!joined || joined.id === deployment.id) {
      throw invalid(
        `config.network: 'container:${name}' joins no other Deployment's container on Server '${server.name}'`,
        { field: 'config.network' },
      );
    }
    return joined.id;
  }

  private execute(
    deployment: Resource<'Deployment'>,
    operation: string,
    meta: CommandMeta,
    work: (ctx: ExecutionContext) => Promise<void>,
  ): Promise<WriteResult> {
    return this.executions.start({ type: 'Deployment', id: deployment.id }, operation, meta, work);
  }
}
