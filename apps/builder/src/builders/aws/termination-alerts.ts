import type { TerminationAlerts } from '@monitor/cloud';
import { alertDecider, alertStream, type AlertTarget } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, newId, systemMeta } from '@monitor/resources';

/**
 * Komodo's AwsBuilderTerminationFailed alert: opened on a failed termination, resolved by a
 * later success. The alerts as events (`alert-<id>`), written as the system. Komodo targets the system; Monitor
 * targets the Builder, so that its readers see which builder left an instance running.
 */
export class StoredTerminationAlerts implements TerminationAlerts {
  readonly what = 'builder instance';

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModel,
  ) {}

  async open(builder: { id: string }, instanceId: string, message: string): Promise<string> {
    const id = newId();
    const target: AlertTarget = { type: 'Builder', id: builder.id };
    const data = {
      type: 'AwsBuilderTerminationFailed' as const,
      data: { instance_id: instanceId, message },
    };
    const command = { type: 'Open' as const, id, level: 'CRITICAL', target, data, ts: Date.now() };
    const { position } = await handleCommand(
      this.store,
      alertStream(id),
      alertDecider,
      command,
      systemMeta(),
    );
    await this.readModel.waitFor(position);
    return id;
  }

  async resolve(alertId: string): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      alertStream(alertId),
      alertDecider,
      { type: 'Resolve' as const, ts: Date.now() },
      systemMeta(),
    );
    await this.readModel.waitFor(position);
  }

  openOnes() {
    return this.readModel.alerts
      .list((a) => !a.resolved && a.data.type === 'AwsBuilderTerminationFailed')
      .flatMap((a) =>
        a.data.type === 'AwsBuilderTerminationFailed' && a.target.type === 'Builder'
          ? [{ alertId: a.id, ownerId: a.target.id, instanceId: a.data.data.instance_id }]
          : [],
      );
  }
}
