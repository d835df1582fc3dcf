import { Inject, Injectable } from '@nestjs/common';
import {
  eventSubscriptionHealthStream,
  type Alert,
  type WebhookDeliverySubject,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ReceiverHealthWatch, type FailingAlert } from '../delivery/receiver-health-watch';
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
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    queue: WebhookQueue,
  ) {
    super(store, queue, (delivery) => delivery.subscriptionId);
  }

  protected healthStream(subscription: string): string {
    return eventSubscriptionHealthStream(subscription);
  }

  protected failingAlert(subscription: string, failures: number, error?: string): FailingAlert {
    const name = this.readModel.eventSubscriptions.subscription(subscription)?.name ?? subscription;
    return {
      target: { type: 'System', id: subscription },
      data: {
        type: 'EventSubscriptionFailing',
        data: { id: subscription, name, failures_in_a_row: failures, ...(error ? { error } : {}) },
      },
    };
  }

  protected openFailing(subscription: string): Alert[] {
    return this.readModel.alerts
      .openFor('System', subscription)
      .filter((a) => a.data.type === 'EventSubscriptionFailing');
  }
}
