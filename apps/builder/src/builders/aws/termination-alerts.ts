import type { TerminationAlerts } from '@monitor/cloud';
import type { AlertTarget } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { openSystemAlert, resolveSystemAlert } from '@monitor/resources';

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

  open(builder: { id: string }, instanceId: string, message: string): Promise<string> {
    const target: AlertTarget = { type: 'Builder', id: builder.id };
    const data = {
      type: 'AwsBuilderTerminationFailed' as const,
      data: { instance_id: instanceId, message },
    };
    return openSystemAlert(this.store, this.readModel, { level: 'CRITICAL', target, data });
  }

  resolve(alertId: string): Promise<void> {
    return resolveSystemAlert(this.store, this.readModel, alertId);
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
