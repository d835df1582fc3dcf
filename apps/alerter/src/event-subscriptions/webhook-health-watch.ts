import { Inject, Injectable } from '@nestjs/common';
import {
  eventSubscriptionHealthStream,
  type AlertTarget,
  type WebhookDeliverySubject,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ReceiverHealthWatch } from '../delivery/receiver-health-watch';
import { WebhookQueue, type WebhookDeliveryRef } from './webhook-queue';

/**
 * Each webhook subscription's health (the shared ReceiverHealthWatch): recorded in
 * `eventsubscriptionhealth-<id>`; Failing opens an `EventSubscriptionFailing` alert (target
 * System with the subscription's id: a subscription is no resource, and System alerts are
 * for admins only, as subscriptions are) for the alerters; Ok again resolves it.
 */
@Injectable()
export class WebhookHealthWatch extends ReceiverHealthWatch<
  WebhookDeliveryRef,
  WebhookDeliverySubject
> {
  protected readonly failingType = 'EventSubscriptionFailing';

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) readModel: ReadModel,
    queue: WebhookQueue,
  ) {
    super(store, readModel, queue, (delivery) => delivery.subscriptionId);
  }

  protected healthStream(subscription: string): string {
    return eventSubscriptionHealthStream(subscription);
  }

  protected failingTarget(subscription: string): AlertTarget {
    return { type: 'System', id: subscription };
  }

  protected nameOf(subscription: string): string | undefined {
    return this.readModel.eventSubscriptions.subscription(subscription)?.name;
  }
}
