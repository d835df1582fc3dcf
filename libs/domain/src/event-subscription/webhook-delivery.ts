import { invalid } from '../shared/domain-error';
import { deliveryDeciderOf } from '../alerter/delivery/delivery';

/**
 * The delivery of one event to one subscription: the same decider, states and retries as an
 * alert's delivery to an alerter, in streams of their own family.
 */
export interface WebhookDeliverySubject {
  subscription_id: string;
  /** The event delivered: its stream, revision there, and store position. */
  event_stream: string;
  event_revision: number;
  event_position: number;
  event_type: string;
  /** `<Kind>:<id>`: events of one resource are delivered in order. */
  resource: string;
}

export const WEBHOOK_DELIVERY_CATEGORY = 'webhookdelivery';

/** One stream per (subscription, event): its name is the delivery id the receiver gets. */
export const webhookDeliveryStream = (subscriptionId: string, position: number) =>
  `${WEBHOOK_DELIVERY_CATEGORY}-${subscriptionId}-${position}`;

export function parseWebhookDeliveryStream(
  stream: string,
): { subscriptionId: string; position: number } | undefined {
  const match = /^webhookdelivery-([^-]+)-(\d+)$/.exec(stream);
  return match ? { subscriptionId: match[1], position: Number(match[2]) } : undefined;
}

function checkWebhookSubject(subject: WebhookDeliverySubject): void {
  if (!subject.subscription_id || !subject.event_stream || !subject.resource)
    throw invalid('subscription_id, event_stream and resource: must not be empty');
  if (!Number.isInteger(subject.event_position) || subject.event_position < 0)
    throw invalid('event_position: must be a store position');
}

export const webhookDeliveryDecider =
  deliveryDeciderOf<WebhookDeliverySubject>(checkWebhookSubject);
