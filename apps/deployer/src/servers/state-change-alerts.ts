import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  decideAlert,
  evolveAlert,
  type AlertData,
  type AlertState,
  type ResourceKind,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, newId, systemMeta } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';

const alertDecider = {
  initialState: (): AlertState => ({ status: 'Empty' }),
  evolve: evolveAlert,
  decide: decideAlert,
};

/**
 * Tells the changes our executions cause from the others (a crash, an external `docker stop`),
 * and opens the alert for the others.
 */
@Injectable()
export class StateChangeAlerts {
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

  /** Whether a change seen at `at` is explained by an execution of ours. */
  isOurs(resourceId: string, at: number): boolean {
    return (this.ours.get(resourceId) ?? 0) >= at;
  }

  async open(target: { type: ResourceKind; id: string }, data: AlertData): Promise<void> {
    const id = newId();
    const command = { type: 'Open' as const, id, level: 'WARNING', target, data, ts: Date.now() };
    const { position } = await handleCommand(
      this.store,
      `alert-${id}`,
      alertDecider,
      command,
      systemMeta(),
    );
    await this.readModel.waitFor(position);
  }

  /** Resolves the open alerts of `type` on `target` (the condition went away). */
  async resolve(
    target: { type: ResourceKind; id: string },
    type: AlertData['type'],
  ): Promise<void> {
    const open = this.readModel.alerts
      .openFor(target.type, target.id)
      .filter((alert) => alert.data.type === type);
    for (const alert of open) {
      const { position } = await handleCommand(
        this.store,
        `alert-${alert.id}`,
        alertDecider,
        { type: 'Resolve' as const, ts: Date.now() },
        systemMeta(),
      );
      await this.readModel.waitFor(position);
    }
  }
}
