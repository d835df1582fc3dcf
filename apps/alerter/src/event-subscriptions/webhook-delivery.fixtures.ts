import { webhookDeliveryStream } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { systemMeta } from '@monitor/resources';
import { appendAt } from '../delivery/delivery-append';
import type { WebhookQueue } from './webhook-queue';

/** One webhook delivery's events, for the specs of what folds them (subscription `sub1`). */
export const T = 1_000_000;

/** The event at store position `position` about Procedure `resource`, decided for `sub1`. */
export const decided = (position: number, resource = 'a') => ({
  type: 'DeliveryDecided',
  data: {
    subscription_id: 'sub1',
    event_stream: `procedure-${resource}`,
    event_revision: position,
    event_position: position,
    event_type: 'ProcedureUpdated',
    resource: `Procedure:${resource}`,
    verdict: 'send',
    at: T,
  },
});
export const claimed = { type: 'DeliveryAttemptClaimed', data: { attempt: 1, at: T, by: 'r1' } };
export const delivered = { type: 'DeliveryDelivered', data: { attempt: 1, at: T, status: 200 } };
/** The first attempt failed: tried again at `next`, or not at all without it. */
export const failed = (next?: number) => ({
  type: 'DeliveryAttemptFailed',
  data: {
    attempt: 1,
    at: T,
    error: 'answered 400',
    retryable: next !== undefined,
    next_attempt_at: next,
  },
});
export const givenUp = {
  type: 'DeliveryGivenUp',
  data: { at: T, reason: 'the receiver answered 400' },
};

/**
 * Appends to the delivery of the event at `position` as the process would (at the revision the
 * store has), folding the events into `queue` at once; answers the delivery's stream.
 */
export async function appendDelivery(
  store: EventStore,
  queue: WebhookQueue,
  position: number,
  ...events: { type: string; data: unknown }[]
): Promise<string> {
  const stream = webhookDeliveryStream('sub1', position);
  const revision = (await store.readStream(stream)).length - 1;
  const stored = await appendAt(
    store,
    stream,
    events,
    revision < 0 ? 'no_stream' : revision,
    systemMeta(),
  );
  stored.forEach((e) => queue.apply(e));
  return stream;
}
