import type { TerminationAlerts } from '@monitor/cloud';
import { cleanupFailedAlert } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { openSystemAlert, resolveSystemAlert, systemMeta } from '@monitor/resources';
import { LaunchRecord } from './launch-record';

/**
 * The CRITICAL ServerLaunchCleanupFailed alert (on the ServerTemplate) of a launch whose
 * cleanup failed: opened then, resolved when a retry removes what the launch made, which is
 * also recorded in the launch's stream. Its owner is the launch, by its Update id.
 */
export class LaunchCleanupAlerts implements TerminationAlerts {
  readonly what = 'launched server';

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModel,
  ) {}

  async open(launch: { id: string }, _instanceId: string, message: string): Promise<string> {
    const record = new LaunchRecord(this.store, launch.id, systemMeta());
    const alert = cleanupFailedAlert(await record.read(), message);
    return openSystemAlert(this.store, this.readModel, alert);
  }

  async resolve(alertId: string): Promise<void> {
    const alert = this.readModel.alerts.alert(alertId);
    if (alert?.data.type === 'ServerLaunchCleanupFailed')
      await new LaunchRecord(this.store, alert.data.data.update_id, systemMeta()).apply({
        type: 'RecordCleanedUp',
      });
    await resolveSystemAlert(this.store, this.readModel, alertId);
  }

  openOnes() {
    return this.readModel.alerts
      .list((a) => !a.resolved && a.data.type === 'ServerLaunchCleanupFailed')
      .flatMap((a) =>
        a.data.type === 'ServerLaunchCleanupFailed'
          ? [{ alertId: a.id, ownerId: a.data.data.update_id, instanceId: a.data.data.instance_id }]
          : [],
      );
  }
}
