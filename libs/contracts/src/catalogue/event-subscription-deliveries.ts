import {
  EventSubscriptionDeliveriesParamDto,
  ListEventSubscriptionDeliveriesDto,
} from '../requests/event-subscription-deliveries.dto';
import type { AlertDeliveryState } from '../requests/alerter.dto';
import { ADMIN, entry } from './entry';

/** One event's delivery to one subscription, as `ListEventSubscriptionDeliveries` answers it. */
export interface EventSubscriptionDelivery {
  /** The delivery stream: the `X-Monitor-Delivery` the receiver gets on every attempt. */
  id: string;
  subscription_id: string;
  state: AlertDeliveryState;
  /** Why it was given up or skipped. */
  reason?: string;
  event_type: string;
  event_stream: string;
  /** The event's store position (`X-Monitor-Position`). */
  event_position: number;
  /** `<Kind>:<id>`: one resource's events go in order. */
  resource: string;
  attempts: number;
  last_status?: number;
  last_error?: string;
  decided_ts: number;
  next_attempt_ts?: number;
  delivered_ts?: number;
}

/**
 * Monitor's (Komodo has none): a webhook subscription's deliveries, kept by the alerter
 * service (the open ones, and the newest finished ones per subscription), listed and the
 * given-up ones retried. Admins only, as the subscriptions are.
 */
export const EVENT_SUBSCRIPTION_DELIVERY_REQUESTS = {
  ListEventSubscriptionDeliveries: entry<EventSubscriptionDelivery[]>()(
    'ListEventSubscriptionDeliveries',
    'read',
    ListEventSubscriptionDeliveriesDto,
    ADMIN,
    'alerter',
  ),
  /** Puts the subscription's given-up deliveries back in its queue, oldest first. */
  RetryEventSubscriptionDeliveries: entry<{ retried: number }>()(
    'RetryEventSubscriptionDeliveries',
    'write',
    EventSubscriptionDeliveriesParamDto,
    ADMIN,
    'alerter',
  ),
};
