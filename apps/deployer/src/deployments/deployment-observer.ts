import { Inject, Injectable } from '@nestjs/common';
import {
  containerName,
  decideDeploymentStatus,
  DEPLOYMENT_LABEL,
  deploymentState,
  deploymentStatusStream,
  type Resource,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { StateChangeAlerts } from '../observation/state-change-alerts';
import { recordObserved } from '../observation/record-observed';
import type { ContainerObserver, ListedContainer } from '../observation/container-observers';

/**
 * Each poll of a server tells every deployment on it what its container is doing. A change is
 * recorded; a change that no execution of ours explains (a crash, an external `docker stop`)
 * opens a ContainerStateChange alert when the deployment sends alerts.
 */
@Injectable()
export class DeploymentObserver implements ContainerObserver<'Deployment'> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    readonly alerts: StateChangeAlerts,
  ) {}

  on(serverId: string): Resource<'Deployment'>[] {
    return this.readModel.list('Deployment').filter((d) => d.config.server_id === serverId);
  }

  containerNameOf(deployment: Resource<'Deployment'>): string {
    return containerName(String(deployment.config.custom_name ?? ''), deployment.name);
  }

  async observe(
    server: Resource<'Server'>,
    containers: ListedContainer[] | 'unreachable',
  ): Promise<void> {
    const at = Date.now();
    for (const deployment of this.on(server.id)) {
      const name = this.containerNameOf(deployment);
      const found =
        containers === 'unreachable' ? undefined : ownContainer(containers, name, deployment);
      const observation =
        containers === 'unreachable'
          ? 'unreachable'
          : found
            ? { state: found.state, health: found.health }
            : 'not_found';
      const state = deploymentState(observation);
      const current = this.readModel.deploymentStatus.status(deployment.id);
      const events = decideDeploymentStatus(current, { state, image: found?.image ?? '', at });
      if (!events.length) continue;
      await recordObserved(this.store, deploymentStatusStream(deployment.id), events);
      if (current) {
        await this.alerts.observedChange(deployment, server, {
          from: current.state,
          to: state,
          at,
        });
      }
    }
  }
}

/** Its container: of its name and labelled as its own (one made by hand is not its state). */
function ownContainer(
  containers: ListedContainer[],
  name: string,
  deployment: Resource<'Deployment'>,
) {
  return containers.find((c) => c.name === name && c.labels?.[DEPLOYMENT_LABEL] === deployment.id);
}
