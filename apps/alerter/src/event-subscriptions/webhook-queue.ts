import { Inject, Injectable } from '@nestjs/common';
import {
  parseWebhookDeliveryStream,
  WEBHOOK_DELIVERY_CATEGORY,
  type WebhookDeliverySubject,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { EVENT_STORE } from '@monitor/runtime';
import { DeliveryLedger, type DeliveryFamily, type LedgerEntry } from '../delivery/delivery-ledger';

/** What a webhook delivery's stream names: the subscription and the event's store position. */
export interface WebhookDeliveryRef {
  subscriptionId: string;
  /** The event's (the entry's own `position` is its delivery's newest event's). */
  eventPosition: number;
}

export type QueuedWebhookDelivery = LedgerEntry<WebhookDeliveryRef, WebhookDeliverySubject>;

const WEBHOOK_DELIVERIES: DeliveryFamily<WebhookDeliveryRef> = {
  prefix: `${WEBHOOK_DELIVERY_CATEGORY}-`,
  parse(stream) {
    const parsed = parseWebhookDeliveryStream(stream);
    return parsed && { subscriptionId: parsed.subscriptionId, eventPosition: parsed.position };
  },
  // In order per resource and subscription; other resources are not held back.
  group: (d) => {
    const { resource } = (d as QueuedWebhookDelivery).state;
    return `${d.subscriptionId}|${resource}`;
  },
  order: (d) => d.eventPosition,
  receiver: (d) => d.subscriptionId,
};

/** Every webhook delivery (`webhookdelivery-<subscriptionId>-<position>`). */
@Injectable()
export class WebhookQueue extends DeliveryLedger<WebhookDeliveryRef, WebhookDeliverySubject> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, WEBHOOK_DELIVERIES);
  }
}
