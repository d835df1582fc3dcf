import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { deliveryDecider, type DeliverySubject } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { admissionOf } from './admission-of';
import { readAlertAt } from './alert-at';
import { AlertSender } from './alert-sender';
import { AlerterHealthWatch } from './alerter-health-watch';
import { DeliveryQueue, type AlertDeliveryRef, type QueuedDelivery } from './delivery-queue';
import { DeliveryRunner, type SendVerdict } from './delivery-runner';
import { failedSend } from './send-outcome';

/**
 * Sends alerts that are due (the shared DeliveryRunner): each alert event to each alerter, in
 * order per alert; a held delivery is decided again when its window ends; each recorded result
 * feeds the alerter's health.
 */
@Injectable()
export class DeliveryWorker extends DeliveryRunner<AlertDeliveryRef, DeliverySubject> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
    queue: DeliveryQueue,
    private readonly sender: AlertSender,
    health: AlerterHealthWatch,
  ) {
    super(store, config, queue, deliveryDecider, sender, health);
  }

  protected isLive(delivery: QueuedDelivery): boolean {
    return !!this.readModel.resourceById('Alerter', delivery.alerterId);
  }

  protected async send(delivery: QueuedDelivery): Promise<SendVerdict> {
    const alerter = this.readModel.resourceById('Alerter', delivery.alerterId);
    const at = await readAlertAt(this.store, delivery.alertId, delivery.alertRevision);
    const result =
      alerter && at
        ? await this.sender.send(alerter, at.alert, delivery.stream)
        : { ok: false, error: alerter ? 'the alert is gone' : 'the alerter is gone' };
    if (!result.ok) return { ok: false, ...failedSend(result) };
    return {
      ok: true,
      status: result.status ?? (alerter?.config.endpoint.type === 'Email' ? 250 : 200),
    };
  }

  /** A held delivery when its window ends: the alert as it is now decides. */
  protected override async decideAgain(delivery: QueuedDelivery): Promise<void> {
    const alerter = this.readModel.resourceById('Alerter', delivery.alerterId);
    const at = await readAlertAt(this.store, delivery.alertId, delivery.alertRevision);
    if (!alerter || !at || delivery.state.status !== 'Held') return;
    const now = Date.now();
    const { alert_event_key, alert_type, level, target } = delivery.state;
    await this.append(delivery.stream, await this.read(delivery.stream), {
      type: 'Decide',
      at: now,
      alert_event_key,
      alerter_id: alerter.id,
      alert_type,
      level,
      target,
      ...admissionOf(this.readModel, alerter, at, now),
    });
  }
}
