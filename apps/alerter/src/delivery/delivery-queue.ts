import { Inject, Injectable } from '@nestjs/common';
import { parseDeliveryStream, type DeliverySubject } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { EVENT_STORE } from '@monitor/runtime';
import { DeliveryLedger, type DeliveryFamily, type LedgerEntry } from './delivery-ledger';

/** What an alert delivery's stream names: the alerter, and the alert event. */
export interface AlertDeliveryRef {
  alerterId: string;
  alertId: string;
  /** The alert event's revision in the alert's stream. */
  alertRevision: number;
}

const ALERT_DELIVERIES: DeliveryFamily<AlertDeliveryRef> = {
  prefix: 'delivery-',
  parse(stream) {
    const pair = parseDeliveryStream(stream);
    if (!pair) return undefined;
    const split = pair.alertEventKey.lastIndexOf(':');
    return {
      alerterId: pair.alerterId,
      alertId: pair.alertEventKey.slice(0, split),
      alertRevision: Number(pair.alertEventKey.slice(split + 1)),
    };
  },
  // In order per alert and alerter: a resolve never overtakes its open.
  group: (d) => `${d.alerterId}|${d.alertId}`,
  order: (d) => d.alertRevision,
  receiver: (d) => d.alerterId,
};

/** One alert event's delivery to one alerter, as the queue knows it. */
export type QueuedDelivery = LedgerEntry<AlertDeliveryRef, DeliverySubject>;

/** Every alert delivery (`delivery-<alerterId>-<alertId>:<revision>`). */
@Injectable()
export class DeliveryQueue extends DeliveryLedger<AlertDeliveryRef, DeliverySubject> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, ALERT_DELIVERIES);
  }
}
