import { deciderSpec } from '@monitor/testing';
import { mayAttempt } from '../alerter/delivery/delivery-order';
import {
  parseWebhookDeliveryStream,
  webhookDeliveryDecider,
  webhookDeliveryStream,
  type WebhookDeliverySubject,
} from './webhook-delivery';

const spec = deciderSpec(webhookDeliveryDecider);
const T = 1_000_000;
const subject = (position: number, resource = 'Deployment:d1'): WebhookDeliverySubject => ({
  subscription_id: 'sub1',
  event_stream: 'deployment-d1',
  event_revision: position,
  event_position: position,
  event_type: 'DeploymentUpdated',
  resource,
});
const decided = (position: number, resource?: string) => ({
  type: 'DeliveryDecided',
  data: { ...subject(position, resource), verdict: 'send', at: T },
});
const state = (events: { type: string; data: unknown }[]) =>
  events.reduce(webhookDeliveryDecider.evolve, webhookDeliveryDecider.initialState());

describe('webhook delivery', () => {
  it('has one stream per (subscription, event position), named back', () => {
    expect(webhookDeliveryStream('sub1', 42)).toBe('webhookdelivery-sub1-42');
    expect(parseWebhookDeliveryStream('webhookdelivery-sub1-42')).toEqual({
      subscriptionId: 'sub1',
      position: 42,
    });
    expect(parseWebhookDeliveryStream('delivery-a-b:0')).toBeUndefined();
  });

  it('is decided once with its subject kept whole, then claimed and retried as an alert is', () => {
    spec
      .given([])
      .when({ type: 'Decide', at: T, ...subject(7), verdict: 'send' })
      .then([decided(7)]);
    spec
      .given([decided(7)])
      .when({ type: 'Decide', at: T, ...subject(7), verdict: 'send' })
      .then([]);
    const claimed = { type: 'DeliveryAttemptClaimed', data: { attempt: 1, at: T, by: 'r1' } };
    spec
      .given([decided(7)])
      .when({ type: 'Claim', at: T, by: 'r1' })
      .then([claimed]);
    spec
      .given([decided(7), claimed])
      .when({ type: 'Fail', attempt: 1, at: T, status: 500, error: 'boom', random: () => 0.5 })
      .then([
        {
          type: 'DeliveryAttemptFailed',
          data: {
            attempt: 1,
            at: T,
            status: 500,
            error: 'boom',
            retryable: true,
            next_attempt_at: T + 500,
          },
        },
      ]);
    expect(state([decided(7), claimed])).toMatchObject({ ...subject(7), status: 'InFlight' });
  });

  it('refuses a decision that names no subscription or resource', () => {
    spec
      .given([])
      .when({ type: 'Decide', at: T, ...subject(7), resource: '', verdict: 'send' })
      .thenFails('VALIDATION', /resource/);
  });

  it('in order per resource: a later event waits for the earlier one of its resource only', () => {
    const earlierPending = state([decided(1)]);
    const later = state([decided(2)]);
    expect(mayAttempt(later, [earlierPending])).toBe(false);
    const earlierDelivered = state([
      decided(1),
      { type: 'DeliveryAttemptClaimed', data: { attempt: 1, at: T, by: 'r' } },
      { type: 'DeliveryDelivered', data: { attempt: 1, at: T, status: 200 } },
    ]);
    expect(mayAttempt(later, [earlierDelivered])).toBe(true);
    // Another resource's event has no earlier ones of its own resource.
    expect(mayAttempt(state([decided(3, 'Deployment:d2')]), [])).toBe(true);
  });
});
