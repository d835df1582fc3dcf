import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { webhookDeliveryDecider, type WebhookDeliverySubject } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { viewerMaySeeEvent, viewerOf, type ReadModel } from '@monitor/projections';
import { EVENT_STORE, KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { isSealed, type Keyring } from '@monitor/secrets';
import { DeliveryRunner, type SendVerdict } from '../delivery/delivery-runner';
import { WebhookHealthWatch } from './webhook-health-watch';
import { webhookPayload } from './webhook-payload';
import { WebhookQueue, type QueuedWebhookDelivery, type WebhookDeliveryRef } from './webhook-queue';
import { WebhookSender } from './webhook-sender';

/**
 * Sends each event due to its subscription through the shared DeliveryRunner (claims, retries,
 * order per resource). At each attempt the subscription as it is now decides: deleted or
 * disabled, or its owner no longer allowed to see the event (demoted, disabled, the grant
 * gone), the delivery is given up with that reason rather than sent. Each recorded result
 * feeds the subscription's health (EventSubscriptionFailing).
 */
@Injectable()
export class WebhookWorker extends DeliveryRunner<WebhookDeliveryRef, WebhookDeliverySubject> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
    @Inject(KEYRING) private readonly keyring: Keyring,
    queue: WebhookQueue,
    private readonly sender: WebhookSender,
    health: WebhookHealthWatch,
  ) {
    super(store, config, queue, webhookDeliveryDecider, sender, health);
  }

  protected isLive(): boolean {
    return true;
  }

  protected async send(delivery: QueuedWebhookDelivery): Promise<SendVerdict> {
    const { state } = delivery;
    const subscription = this.readModel.eventSubscriptions.subscription(delivery.subscriptionId);
    if (!subscription) return refused('the subscription was deleted');
    if (!subscription.enabled) return refused('the subscription is disabled');
    const [event] = await this.store.readStream(state.event_stream, state.event_revision);
    if (!event || event.revision !== state.event_revision) return refused('the event is gone');
    const owner = viewerOf(this.readModel, subscription.owner);
    if (!owner || !viewerMaySeeEvent(owner, event, this.readModel)) {
      return refused("the subscription's owner may not see this event");
    }
    if (!isSealed(subscription.secret)) return refused('the subscription has no sealed secret');
    const secret = this.keyring.open(subscription.secret);
    return this.sender.send(subscription.url, secret, delivery.stream, webhookPayload(event));
  }
}

/** The same send would fail again: given up at once, with why. */
const refused = (why: string): SendVerdict => ({ ok: false, permanent: why, error: why });
