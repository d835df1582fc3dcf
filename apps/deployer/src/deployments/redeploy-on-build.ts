import { Inject, Injectable, Logger } from '@nestjs/common';
import { builtVersion, deploymentsToRedeploy, type BuiltVersion } from '@monitor/domain';
import {
  WrongExpectedRevisionError,
  type CheckpointStore,
  type EventStore,
  type StoredEvent,
} from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { eventMetadata, newId, type CommandMeta } from '@monitor/resources';
import { CHECKPOINTS, CheckpointFeed, EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { DeploymentExecutions } from './deployment-executions';

/** Where this reaction has read the log up to. */
const CHECKPOINT = 'deployer-redeploy-on-build';
/** Who a redeploy's Update names as its operator: Komodo's "Auto Redeploy" user. */
export const AUTO_REDEPLOY_USER = 'auto-redeploy';

const versionText = ({ major, minor, patch }: BuiltVersion['version']) =>
  `${major}.${minor}.${patch}`;

/**
 * Komodo's post-build redeploy: each successful RunBuild (a `BuildBuilt` in the build's stream)
 * deploys the version built to the Deployments that follow that Build with `redeploy_on_build`
 * and have a container there. It follows the event store from a checkpoint, so builds that end
 * while the deployer is down are redeployed when it starts; a build is claimed once in the store
 * (`buildredeploy-<event id>`), so neither a replica nor a replay redeploys it twice.
 */
@Injectable()
export class RedeployOnBuild extends CheckpointFeed {
  private readonly logger = new Logger(RedeployOnBuild.name);

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINTS) checkpoints: CheckpointStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly executions: DeploymentExecutions,
  ) {
    // The first start begins at the head: builds from before this feature redeploy nothing.
    super(store, checkpoints, CHECKPOINT);
  }

  protected override wants(event: StoredEvent): boolean {
    return builtVersion(event) !== undefined;
  }

  protected async handle(event: StoredEvent): Promise<void> {
    const built = builtVersion(event);
    if (!built) return;
    try {
      await this.redeploy(built, event);
    } catch (error) {
      this.logger.error(
        `redeploy after build ${built.build_id} (Update ${built.update_id}) failed: ${(error as Error).message}`,
      );
    }
    await this.checkpoints.save(CHECKPOINT, event.position);
  }

  private async redeploy(built: BuiltVersion, event: StoredEvent): Promise<void> {
    // The read model has then seen the build and every deployment written before it.
    await this.readModel.waitFor(event.position);
    const build = this.readModel.resourceById('Build', built.build_id);
    const targets = deploymentsToRedeploy(
      built.build_id,
      this.readModel.list('Deployment'),
      (id) => this.readModel.deploymentStatus.status(id)?.state,
    );
    if (!build || !targets.length || !(await this.claim(built, event, targets))) return;
    const meta: CommandMeta = {
      userId: AUTO_REDEPLOY_USER,
      via: 'system',
      correlationId: event.metadata.correlationId,
      causationId: event.id,
    };
    const version = versionText(built.version);
    const why = `Build '${build.name}' built version ${version} (Update ${built.update_id})`;
    const results = await Promise.allSettled(
      targets.map((deployment) =>
        this.executions.deploy(deployment.id, meta, {
          built: built.version,
          before: async (ctx) => {
            await ctx.stage('build', why, async () => ({ stdout: `redeploy after ${why}` }));
          },
        }),
      ),
    );
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        this.logger.warn(
          `redeploy of Deployment '${targets[i].name}' after ${why} could not start: ${(result.reason as Error).message}`,
        );
      }
    });
  }

  /** First come: one claim per BuildBuilt, whichever deployer (or run) gets there first. */
  private async claim(
    built: BuiltVersion,
    event: StoredEvent,
    targets: { id: string }[],
  ): Promise<boolean> {
    try {
      await this.store.append(
        `buildredeploy-${event.id}`,
        [
          {
            id: newId(),
            type: 'BuildRedeployClaimed',
            data: { ...built, deployments: targets.map((d) => d.id) },
            metadata: eventMetadata({
              userId: AUTO_REDEPLOY_USER,
              via: 'system',
              correlationId: event.metadata.correlationId,
              causationId: event.id,
            }),
            schemaVersion: 1,
          },
        ],
        'no_stream',
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}
