import {
  eventSubscriptionDecider,
  foldAlerterHealth,
  initialAlerterHealth,
  parseWebhookDeliveryStream,
  webhookDeliveryDecider,
  WEBHOOK_DELIVERY_CATEGORY,
  type AlerterHealthFold,
  type DeliveryState,
  type DeliveryStatus,
  type EventSubscription,
  type EventSubscriptionEvent,
  type WebhookDeliverySubject,
} from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { instantUpdate } from './instant-update';
import type { UpdateRecord } from './update-record';

const OPERATIONS: Record<EventSubscriptionEvent['type'], string> = {
  EventSubscriptionCreated: 'CreateEventSubscription',
  EventSubscriptionUpdated: 'UpdateEventSubscription',
  EventSubscriptionDeleted: 'DeleteEventSubscription',
};

/** A subscription's newest delivery: where it stands, when it last moved, which event. */
export interface LastWebhookDelivery {
  state: Exclude<DeliveryStatus, 'Empty'>;
  ts: number;
  position: number;
  event_type: string;
  attempts: number;
  last_status?: number;
  last_error?: string;
}

interface Newest {
  stream: string;
  state: DeliveryState<WebhookDeliverySubject>;
  ts: number;
}

/**
 * Outgoing webhook subscriptions (`eventsubscription-<id>`, the secret sealed as stored) and,
 * per subscription, its newest delivery and its health (failed attempts in a row, as an
 * alerter's). Every other delivery is the delivery engine's (the alerter service) to keep.
 */
export class EventSubscriptionsModel {
  private readonly subscriptions = new Map<string, EventSubscription>();
  private readonly newest = new Map<string, Newest>();
  private readonly healths = new Map<string, AlerterHealthFold>();

  readonly categories = ['eventsubscription', WEBHOOK_DELIVERY_CATEGORY];

  /** Applies the event; hands `record` the Update a write makes (System's, as for accounts). */
  apply(event: StoredEvent, record: (update: UpdateRecord) => void): void {
    if (event.stream.startsWith(`${WEBHOOK_DELIVERY_CATEGORY}-`)) return this.applyDelivery(event);
    const id = event.stream.slice('eventsubscription-'.length);
    const before = this.subscriptions.get(id);
    const state = eventSubscriptionDecider.evolve(
      before ? { status: 'Active', subscription: before } : { status: 'Empty' },
      event,
    );
    if (state.status === 'Active') this.subscriptions.set(id, state.subscription);
    else this.subscriptions.delete(id);
    const operation = OPERATIONS[event.type as EventSubscriptionEvent['type']];
    if (operation && state.status !== 'Empty')
      record(instantUpdate(event, operation, describe(event, state.subscription)));
  }

  subscription(id: string): EventSubscription | undefined {
    return this.subscriptions.get(id);
  }

  all(): EventSubscription[] {
    return [...this.subscriptions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  lastDelivery(id: string): LastWebhookDelivery | undefined {
    const newest = this.newest.get(id);
    if (!newest || newest.state.status === 'Empty') return undefined;
    const { state } = newest;
    const failure = state.lastFailure;
    return {
      state: state.status,
      ts: newest.ts,
      position: state.event_position,
      event_type: state.event_type,
      attempts: state.attempts,
      ...(state.delivered
        ? { last_status: state.delivered.status }
        : failure?.status !== undefined
          ? { last_status: failure.status }
          : {}),
      ...(failure && !state.delivered ? { last_error: failure.error } : {}),
    };
  }

  /** `Failing` after 5 failed attempts in a row across its deliveries; a delivery makes it `Ok`. */
  health(id: string): AlerterHealthFold {
    return this.healths.get(id) ?? initialAlerterHealth();
  }

  private applyDelivery(event: StoredEvent): void {
    const parsed = parseWebhookDeliveryStream(event.stream);
    if (!parsed) return;
    const { subscriptionId } = parsed;
    this.healths.set(subscriptionId, foldAlerterHealth(this.health(subscriptionId), event));
    const at = (event.data as { at?: number }).at ?? event.metadata.at;
    const current = this.newest.get(subscriptionId);
    if (current?.stream === event.stream) {
      const state = webhookDeliveryDecider.evolve(current.state, event);
      this.newest.set(subscriptionId, { stream: event.stream, state, ts: at });
      return;
    }
    if (event.type !== 'DeliveryDecided' || event.revision !== 0) return;
    const state = webhookDeliveryDecider.evolve({ status: 'Empty' }, event);
    this.newest.set(subscriptionId, { stream: event.stream, state, ts: at });
  }
}

/** The log names the subscription and what changed, never the secret. */
function describe(event: StoredEvent, subscription: EventSubscription): string {
  const changed = Object.keys(event.data as object).filter((k) => k !== 'secret' && k !== 'id');
  const secret = 'secret' in (event.data as object) ? '; secret set' : '';
  const fields =
    event.type === 'EventSubscriptionUpdated' ? `; changed: ${changed.join(', ')}` : '';
  return `event subscription '${subscription.name}' to ${shownUrl(subscription.url)}${fields}${secret}`;
}

/** Scheme, host and path: a url's credentials or query (tokens, often) stay out of the log. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(no url)';
  }
}
