import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  containerName,
  decideAlert,
  decideDeploymentStatus,
  deploymentState,
  deploymentStatusStream,
  evolveAlert,
  type AlertState,
  type Resource,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { eventMetadata, handleCommand, newId, systemMeta } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';

/** A container as the agent lists it. */
export interface ListedContainer {
  name: string;
  state: string;
  health?: string;
  image?: string;
}

const alertDecider = {
  initialState: (): AlertState => ({ status: 'Empty' }),
  evolve: evolveAlert,
  decide: decideAlert,
};

/**
 * Each poll of a server tells every deployment on it what its container is doing. A change is
 * recorded; a change that no execution of ours explains (a crash, an external `docker stop`)
 * opens a ContainerStateChange alert when the deployment sends alerts.
 */
@Injectable()
export class DeploymentObserver {
  private readonly logger = new Logger(DeploymentObserver.name);
  /** Until when changes of a deployment are ours: while and shortly after our executions. */
  private readonly ours = new Map<string, number>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  /** Called as an execution on the deployment starts and ends. */
  markOurs(deploymentId: string): void {
    this.ours.set(deploymentId, Date.now() + 2 * this.config.monitoring.interval_ms);
  }

  deploymentsOn(serverId: string): Resource[] {
    return this.readModel.list('Deployment').filter((d) => d.config.server_id === serverId);
  }

  containerNameOf(deployment: Resource): string {
    return containerName(String(deployment.config.custom_name ?? ''), deployment.name);
  }

  async observe(server: Resource, containers: ListedContainer[] | 'unreachable'): Promise<void> {
    const at = Date.now();
    for (const deployment of this.deploymentsOn(server.id)) {
      const name = this.containerNameOf(deployment);
      const found =
        containers === 'unreachable' ? undefined : containers.find((c) => c.name === name);
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
      const metadata = eventMetadata(systemMeta());
      await this.store.append(
        deploymentStatusStream(deployment.id),
        events.map((e) => ({ id: newId(), type: e.type, data: e.data, metadata })),
        'any',
      );
      const unexplained =
        (this.ours.get(deployment.id) ?? 0) < at && current && current.state !== state;
      if (
        unexplained &&
        state !== 'unknown' &&
        current.state !== 'unknown' &&
        deployment.config.send_alerts
      ) {
        await this.alert(server, deployment, current.state, state).catch((error: Error) =>
          this.logger.error(`alert for deployment '${deployment.name}': ${error.message}`),
        );
      }
    }
  }

  private async alert(
    server: Resource,
    deployment: Resource,
    from: string,
    to: string,
  ): Promise<void> {
    const id = newId();
    const data = {
      type: 'ContainerStateChange' as const,
      data: {
        id: deployment.id,
        name: deployment.name,
        server_id: server.id,
        server_name: server.name,
        from,
        to,
      },
    };
    const command = {
      type: 'Open' as const,
      id,
      level: 'WARNING',
      target: { type: 'Deployment' as const, id: deployment.id },
      data,
      ts: Date.now(),
    };
    const { position } = await handleCommand(
      this.store,
      `alert-${id}`,
      alertDecider,
      command,
      systemMeta(),
    );
    await this.readModel.waitFor(position);
  }
}
