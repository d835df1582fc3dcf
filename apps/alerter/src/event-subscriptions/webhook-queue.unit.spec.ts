import { MemoryEventStore } from '@monitor/eventstore';
import {
  appendDelivery,
  claimed,
  decided,
  delivered,
  failed,
  givenUp,
  T,
} from './webhook-delivery.fixtures';
import { WebhookQueue } from './webhook-queue';

describe('webhook queue: in order per resource', () => {
  let store: MemoryEventStore;
  let queue: WebhookQueue;
  const append = async (position: number, ...events: { type: string; data: unknown }[]) =>
    queue.get(await appendDelivery(store, queue, position, ...events))!;

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
