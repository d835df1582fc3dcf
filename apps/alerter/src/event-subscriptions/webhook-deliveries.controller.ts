import { Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, commandSubject, querySubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  EVENT_SUBSCRIPTION_DELIVERY_REQUESTS,
  type EventSubscriptionDelivery,
} from '@monitor/contracts';
import { webhookDeliveryDecider } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { EVENT_STORE } from '@monitor/runtime';
import { retryGivenUp } from '../delivery/retry-given-up';
import { WebhookQueue, type QueuedWebhookDelivery } from './webhook-queue';

const queue = QUEUE_GROUPS.alerter;
const R = EVENT_SUBSCRIPTION_DELIVERY_REQUESTS;
const DEFAULT_LIMIT = 100;

/** What the gateway sends: the subscription (it checked it exists) and the filters. */
export interface WebhookDeliveriesQuery {
  subscription: string;
  state?: string;
  limit?: number;
}

/**
 * A subscription's deliveries as this service keeps them: the open ones (the ledger) and its
 * newest finished ones (the ledger's bounded history), listed; the given-up ones retried, as
 * an alerter's are.
 */
@BusController()
export class WebhookDeliveriesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deliveries: WebhookQueue,
  ) {}

  @MessagePattern(querySubject(R.ListEventSubscriptionDeliveries.name), { queue })
  async list(query: WebhookDeliveriesQuery): Promise<EventSubscriptionDelivery[]> {
    await this.deliveries.ready();
    const open = this.deliveries.open().filter((d) => d.subscriptionId === query.subscription);
    return [...open, ...this.deliveries.history.recentOf(query.subscription)]
      .filter((d) => query.state === undefined || d.state.status === query.state)
      .sort((a, b) => b.position - a.position)
      .slice(0, query.limit ?? DEFAULT_LIMIT)
      .map(answer);
  }

  @MessagePattern(commandSubject('EventSubscription', R.RetryEventSubscriptionDeliveries.name), {
    queue,
  })
  async retry({
    subscription,
    by,
  }: {
    subscription: string;
    by: string;
  }): Promise<{ retried: number }> {
    const retried = await retryGivenUp(
      this.store,
      this.deliveries,
      webhookDeliveryDecider,
      subscription,
      by,
    );
    return { retried };
  }
}

function answer({
  stream,
  subscriptionId,
  state,
}: QueuedWebhookDelivery): EventSubscriptionDelivery {
  const failure = state.lastFailure;
  const next =
    state.status === 'Pending'
      ? state.dueAt
      : state.status === 'Held'
        ? state.heldUntil
        : undefined;
  return {
    id: stream,
    subscription_id: subscriptionId,
    state: state.status,
    ...(state.reason ? { reason: state.reason } : {}),
    event_type: state.event_type,
    event_stream: state.event_stream,
    event_position: state.event_position,
    resource: state.resource,
    attempts: state.attempts,
    ...(failure?.status !== undefined ? { last_status: failure.status } : {}),
    ...(state.delivered ? { last_status: state.delivered.status } : {}),
    ...(failure ? { last_error: failure.error } : {}),
    decided_ts: state.decidedAt,
    ...(next !== undefined ? { next_attempt_ts: next } : {}),
    ...(state.delivered ? { delivered_ts: state.delivered.at } : {}),
  };
}
