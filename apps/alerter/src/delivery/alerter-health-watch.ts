import { Inject, Injectable } from '@nestjs/common';
import { alerterHealthStream, type Alert, type DeliverySubject } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { DeliveryQueue, type AlertDeliveryRef } from './delivery-queue';
import { ReceiverHealthWatch, type FailingAlert } from './receiver-health-watch';

/**
 * Each alerter's health (the shared ReceiverHealthWatch): recorded in `alerterhealth-<id>`
 * (`AlerterHealthChanged`); Failing opens an `AlerterFailing` alert about the alerter for the
 * other alerters, Ok again resolves it.
 */
@Injectable()
export class AlerterHealthWatch extends ReceiverHealthWatch<AlertDeliveryRef, DeliverySubject> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    queue: DeliveryQueue,
  ) {
    super(store, queue, (delivery) => delivery.alerterId);
  }

  protected healthStream(alerterId: string): string {
    return alerterHealthStream(alerterId);
  }

  protected failingAlert(alerterId: string, failures: number, error?: string): FailingAlert {
    const name = this.readModel.resourceById('Alerter', alerterId)?.name ?? alerterId;
    return {
      target: { type: 'Alerter', id: alerterId },
      data: {
        type: 'AlerterFailing',
        data: { id: alerterId, name, failures_in_a_row: failures, ...(error ? { error } : {}) },
      },
    };
  }

  protected openFailing(alerterId: string): Alert[] {
    return this.readModel.alerts
      .openFor('Alerter', alerterId)
      .filter((a) => a.data.type === 'AlerterFailing');
  }
}
