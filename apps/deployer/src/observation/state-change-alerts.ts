import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { AlertData, ContainerKind, Resource, ResourceKind } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { openSystemAlert, resolveSystemAlert } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';

/**
 * Tells the changes our executions cause from the others (a crash, an external `docker stop`),
 * and opens the alert for the others.
 */
@Injectable()
export class StateChangeAlerts {
  private readonly logger = new Logger(StateChangeAlerts.name);
  /** Until when changes of a resource are ours: while and shortly after our executions. */
  private readonly ours = new Map<string, number>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  /** Called as an execution on the resource starts and ends. */
  markOurs(resourceId: string): void {
    this.ours.set(resourceId, Date.now() + 2 * this.config.monitoring.interval_ms);
  }

  /**
   * A state polling saw change at `at` from `from` to `to`: the ContainerStateChange or
   * StackStateChange alert, unless an execution of ours explains it, either side is `unknown`
   * (the server was out of reach), or the resource does not send alerts. A failure to record
   * the alert is logged; the observation stands.
   */
  async observedChange(
    resource: Resource<ContainerKind>,
    server: Resource<'Server'>,
    change: { from: string; to: string; at: number },
  ): Promise<void> {
    const { from, to, at } = change;
    if (from === to || from === 'unknown' || to === 'unknown') return;
    if ((this.ours.get(resource.id) ?? 0) >= at || !resource.config.send_alerts) return;
    const data = {
      id: resource.id,
      name: resource.name,
      server_id: server.id,
      server_name: server.name,
      from,
      to,
    };
    const type = resource.kind === 'Stack' ? 'StackStateChange' : 'ContainerStateChange';
    await this.open({ type: resource.kind, id: resource.id }, { type, data }).catch(
      (error: Error) =>
        this.logger.error(`alert for ${resource.kind} '${resource.name}': ${error.message}`),
    );
  }

  async open(target: { type: ResourceKind; id: string }, data: AlertData): Promise<void> {
    await openSystemAlert(this.store, this.readModel, { level: 'WARNING', target, data });
  }

  /** Resolves the open alerts of `type` on `target` (the condition went away). */
  async resolve(
    target: { type: ResourceKind; id: string },
    type: AlertData['type'],
  ): Promise<void> {
    const open = this.readModel.alerts
      .openFor(target.type, target.id)
      .filter((alert) => alert.data.type === type);
    for (const alert of open) await resolveSystemAlert(this.store, this.readModel, alert.id);
  }
}
