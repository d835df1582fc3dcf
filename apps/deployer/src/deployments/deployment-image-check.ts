import { Inject, Injectable } from '@nestjs/common';
import { AGENT } from '@monitor/contracts';
import { decideImageUpdate, deploymentStatusStream, type Resource } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import type { ImageUpdateCheck } from '../observation/image-update-watcher';
import { ServerAgents } from '@monitor/executions';
import { StateChangeAlerts } from '../observation/state-change-alerts';
import { DeploymentContext } from './deployment-context';
import { DeploymentExecutions } from './deployment-executions';
import { DeploymentObserver } from './deployment-observer';
import { recordObserved } from '../observation/record-observed';

/** States in which a deployment has a container whose image can be compared. */
const HAS_CONTAINER = ['running', 'exited', 'paused', 'restarting', 'created', 'unhealthy'];

/**
 * A deployment's image update check: a newer image opens DeploymentImageUpdateAvailable, or
 * with `auto_update` is deployed at once (as the user `auto-update`) with a
 * DeploymentAutoUpdated alert. Only changes are recorded.
 */
@Injectable()
export class DeploymentImageCheck implements ImageUpdateCheck<'Deployment'> {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agents: ServerAgents,
    private readonly context: DeploymentContext,
    private readonly observer: DeploymentObserver,
    private readonly executions: DeploymentExecutions,
    private readonly alerts: StateChangeAlerts,
  ) {}

  watched(): Resource<'Deployment'>[] {
    return this.readModel.list('Deployment').filter((d) => {
      const { poll_for_updates, auto_update } = d.config;
      const state = this.readModel.deploymentStatus.status(d.id)?.state ?? 'unknown';
      return (poll_for_updates || auto_update) && HAS_CONTAINER.includes(state);
    });
  }

  async check(deployment: Resource<'Deployment'>): Promise<void> {
    const { server, image, registry } = this.context.prepare(deployment);
    if (this.readModel.serverStatus.status(server.id)?.state !== 'Ok') return;
    const answer = await this.agents.ask(AGENT.CheckImageUpdate, server, {
      image,
      container: this.observer.containerNameOf(deployment),
      owner: { kind: 'Deployment', id: deployment.id },
      ...(registry ? { registry } : {}),
    });
    const events = decideImageUpdate(this.readModel.deploymentStatus.status(deployment.id), {
      update_available: answer.update_available,
      remote_digest: answer.remote_digest,
      at: Date.now(),
    });
    if (!events.length) return;
    const { position } = await recordObserved(
      this.store,
      deploymentStatusStream(deployment.id),
      events,
    );
    await this.readModel.waitFor(position);
    await this.act(deployment, server, image, answer.update_available);
  }

  private async act(
    deployment: Resource<'Deployment'>,
    server: Resource<'Server'>,
    image: string,
    available: boolean,
  ) {
    const target = { type: 'Deployment' as const, id: deployment.id };
    if (!available) return this.alerts.resolve(target, 'DeploymentImageUpdateAvailable');
    const data = {
      id: deployment.id,
      name: deployment.name,
      server_id: server.id,
      server_name: server.name,
      image,
    };
    const { auto_update, send_alerts } = deployment.config;
    if (auto_update) {
      const meta: CommandMeta = { userId: 'auto-update', via: 'system', correlationId: newId() };
      await this.executions.deploy(deployment.id, meta);
      if (send_alerts) await this.alerts.open(target, { type: 'DeploymentAutoUpdated', data });
    } else if (send_alerts) {
      await this.alerts.open(target, { type: 'DeploymentImageUpdateAvailable', data });
    }
  }
}
