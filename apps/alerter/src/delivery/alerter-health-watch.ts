import { Inject, Injectable } from '@nestjs/common';
import { alerterHealthStream, type AlertTarget, type DeliverySubject } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { DeliveryQueue, type AlertDeliveryRef } from './delivery-queue';
import { ReceiverHealthWatch } from './receiver-health-watch';

/**
 * Each alerter's health (the shared ReceiverHealthWatch): recorded in `alerterhealth-<id>`
 * (`AlerterHealthChanged`); Failing opens an `AlerterFailing` alert about the alerter for the
 * other alerters, Ok again resolves it.
 */
@Injectable()
export class AlerterHealthWatch extends ReceiverHealthWatch<AlertDeliveryRef, DeliverySubject> {
  protected readonly failingType = 'AlerterFailing';

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) readModel: ReadModel,
    queue: DeliveryQueue,
  ) {
    super(store, readModel, queue, (delivery) => delivery.alerterId);
  }

  protected healthStream(alerterId: string): string {
    return alerterHealthStream(alerterId);
  }

  protected failingTarget(alerterId: string): AlertTarget {
    return { type: 'Alerter', id: alerterId };
  }

  protected nameOf(alerterId: string): string | undefined {
    return this.readModel.resourceById('Alerter', alerterId)?.name;
  }
}
