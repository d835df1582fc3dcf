import type { EventFilter } from '@monitor/domain';
import {
  CreateEventSubscriptionDto,
  EventSubscriptionIdDto,
  ListEventSubscriptionsDto,
  UpdateEventSubscriptionDto,
} from '../requests/event-subscription.dto';
import { ADMIN, entry } from './entry';

/** An outgoing webhook subscription as answered: never its secret, only that one is set. */
export interface EventSubscriptionAnswer {
  id: string;
  name: string;
  url: string;
  filter: EventFilter;
  enabled: boolean;
  /** The creator's user id: events are delivered as they may see them. */
  owner: string;
  secret_set: boolean;
  /** Ok; Failing after 5 failed attempts in a row (a delivery makes it Ok again). */
  health: 'Ok' | 'Failing';
  /** The newest delivery, if any. */
  last_delivery?: {
    state: 'Pending' | 'InFlight' | 'Delivered' | 'GivenUp' | 'Skipped' | 'Held';
    /** Milliseconds since the epoch of its newest move. */
    ts: number;
    /** The store position of the event delivered. */
    position: number;
    event_type: string;
    attempts: number;
    last_status?: number;
    last_error?: string;
  };
}

/**
 * Monitor's (Komodo has none): outgoing webhook subscriptions. The core POSTs to whatever url
 * they name, so only admins read or change them (docs/security.md: as Alerters'); each event
 * goes out only if the subscription's owner may see it when it is delivered. Kept by the
 * alerter service, which delivers; the gateway answers the reads from its read model.
 */
export const EVENT_SUBSCRIPTION_REQUESTS = {
  ListEventSubscriptions: entry<EventSubscriptionAnswer[]>()(
    'ListEventSubscriptions',
    'read',
    ListEventSubscriptionsDto,
    ADMIN,
    'gateway',
  ),
  GetEventSubscription: entry<EventSubscriptionAnswer>()(
    'GetEventSubscription',
    'read',
    EventSubscriptionIdDto,
    ADMIN,
    'gateway',
  ),
  CreateEventSubscription: entry<EventSubscriptionAnswer>()(
    'CreateEventSubscription',
    'write',
    CreateEventSubscriptionDto,
    ADMIN,
    'alerter',
  ),
  UpdateEventSubscription: entry<EventSubscriptionAnswer>()(
    'UpdateEventSubscription',
    'write',
    UpdateEventSubscriptionDto,
    ADMIN,
    'alerter',
  ),
  DeleteEventSubscription: entry<EventSubscriptionAnswer>()(
    'DeleteEventSubscription',
    'write',
    EventSubscriptionIdDto,
    ADMIN,
    'alerter',
  ),
};
