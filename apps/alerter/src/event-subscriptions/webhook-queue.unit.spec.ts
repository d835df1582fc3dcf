import { webhookDeliveryStream } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { systemMeta } from '@monitor/resources';
import { appendAt } from '../delivery/delivery-append';
import { WebhookQueue } from './webhook-queue';

const T = 1_000_000;
const decided = (position: number, resource: string) => ({
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
const claimed = { type: 'DeliveryAttemptClaimed', data: { attempt: 1, at: T, by: 'r1' } };
const delivered = { type: 'DeliveryDelivered', data: { attempt: 1, at: T, status: 200 } };
const failed = (next?: number) => ({
  type: 'DeliveryAttemptFailed',
  data: { attempt: 1, at: T, error: 'x', retryable: next !== undefined, next_attempt_at: next },
});
const givenUp = { type: 'DeliveryGivenUp', data: { at: T, reason: 'the receiver answered 400' } };

describe('webhook queue: in order per resource', () => {
  let store: MemoryEventStore;
  let queue: WebhookQueue;
  const append = async (position: number, ...events: { type: string; data: unknown }[]) => {
    const stream = webhookDeliveryStream('sub1', position);
    const revision = queue.get(stream)?.revision ?? -1;
    const stored = await appendAt(
      store,
      stream,
      events,
      revision < 0 ? 'no_stream' : revision,
      systemMeta(),
    );
    stored.forEach((e) => queue.apply(e));
    return queue.get(stream)!;
  };

  beforeEach(async () => {
    store = new MemoryEventStore();
    queue = new WebhookQueue(store);
    await queue.onApplicationBootstrap();
  });
  afterEach(() => queue.onApplicationShutdown());

  it("holds a resource's later event until its earlier one is delivered or given up", async () => {
    const a1 = await append(10, decided(10, 'a'));
    const a2 = await append(12, decided(12, 'a'));
    const a3 = await append(14, decided(14, 'a'));
    expect([a1, a2, a3].map((d) => queue.mayAttempt(d))).toEqual([true, false, false]);
    await append(10, claimed, failed(T + 100));
    expect(queue.mayAttempt(a2)).toBe(false);
    await append(
      10,
      { ...claimed, data: { ...claimed.data, attempt: 2 } },
      {
        ...delivered,
        data: { ...delivered.data, attempt: 2 },
      },
    );
    expect([queue.mayAttempt(a2), queue.mayAttempt(a3)]).toEqual([true, false]);
    await append(12, claimed, failed(), givenUp);
    expect(queue.mayAttempt(a3)).toBe(true);
  });

  it("never holds one resource's events back for another's", async () => {
    await append(10, decided(10, 'a'));
    await append(10, claimed);
    const b = await append(11, decided(11, 'b'));
    expect(queue.mayAttempt(b)).toBe(true);
    expect(
      queue
        .open()
        .map((d) => d.eventPosition)
        .sort(),
    ).toEqual([10, 11]);
  });
});
