import { webhookDeliveryDecider } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { systemMeta } from '@monitor/resources';
import {
  appendDelivery,
  claimed,
  decided,
  delivered,
  failed,
  givenUp,
  T,
} from '../event-subscriptions/webhook-delivery.fixtures';
import { WebhookQueue } from '../event-subscriptions/webhook-queue';
import { appendAt } from './delivery-append';
import { RECENT_PER_RECEIVER } from './delivery-history';
import { retryGivenUp } from './retry-given-up';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('delivery ledger: memory follows what is still to do', () => {
  let store: MemoryEventStore;
  let ledger: WebhookQueue;
  const started: WebhookQueue[] = [];
  const start = async () => {
    const fresh = new WebhookQueue(store);
    started.push(fresh);
    await fresh.onApplicationBootstrap();
    await fresh.ready();
    return fresh;
  };
  /** Appends as this process would: folded at once, and again when the subscription brings it. */
  const append = (position: number, ...events: { type: string; data: unknown }[]) =>
    appendDelivery(store, ledger, position, ...events);

  beforeEach(async () => {
    store = new MemoryEventStore();
    ledger = await start();
  });
  afterEach(() => Promise.all(started.splice(0).map((l) => l.onApplicationShutdown())));

  it('holds nothing after 2,000 delivered events, and keeps only the newest for the reads', async () => {
    for (let p = 1; p <= 2_000; p++) await append(p, decided(p, `r${p % 7}`), claimed, delivered);
    await until(() => ledger.history.recentOf('sub1')[0]?.eventPosition === 2_000);
    expect(ledger.size()).toBe(0);
    expect(ledger.open()).toEqual([]);
    expect(ledger.history.size()).toBe(RECENT_PER_RECEIVER);
    expect(ledger.history.recentOf('sub1').map((d) => d.state.status)).toEqual(
      Array(RECENT_PER_RECEIVER).fill('Delivered'),
    );
    const restarted = await start();
    expect(restarted.size()).toBe(0);
    expect(restarted.history.size()).toBe(RECENT_PER_RECEIVER);
  });

  it('folds an event seen twice once, without reading the finished stream back', async () => {
    const stream = await append(1, decided(1), claimed, delivered);
    const events = await store.readStream(stream);
    const reads = jest.spyOn(store, 'readStream');
    for (const event of events) ledger.apply(event);
    await ledger.ready();
    expect(reads).not.toHaveBeenCalled();
    expect(ledger.size()).toBe(0);
  });

  it('reads a given-up delivery back when another process retries it', async () => {
    const stream = await append(1, decided(1), claimed, failed(), givenUp);
    expect(ledger.get(stream)).toBeUndefined();
    expect(ledger.history.givenUpOf('sub1')).toEqual([stream]);
    await appendAt(
      store,
      stream,
      [{ type: 'DeliveryRetried', data: { at: T, by: 'admin' } }],
      3,
      systemMeta(),
    );
    await until(() => ledger.get(stream)?.state.status === 'Pending');
    expect(ledger.get(stream)?.state.attempts).toBe(1);
    expect(ledger.history.givenUpOf('sub1')).toEqual([]);
    expect(ledger.history.recentOf('sub1')).toEqual([]);
    const restarted = await start();
    expect(restarted.get(stream)?.state.status).toBe('Pending');
  });

  it('puts given-up deliveries back oldest first, in order per resource', async () => {
    const first = await append(1, decided(1), claimed, failed(), givenUp);
    const second = await append(2, decided(2), claimed, failed(), givenUp);
    await append(3, decided(3, 'b'), claimed, delivered);
    const retried = await retryGivenUp(store, ledger, webhookDeliveryDecider, 'sub1', 'admin');
    expect(retried).toBe(2);
    const [a, b] = [ledger.get(first)!, ledger.get(second)!];
    expect([a.state.status, b.state.status]).toEqual(['Pending', 'Pending']);
    expect([ledger.mayAttempt(a), ledger.mayAttempt(b)]).toEqual([true, false]);
    expect(await retryGivenUp(store, ledger, webhookDeliveryDecider, 'sub1', 'admin')).toBe(0);
  });

  it('retries a given-up delivery however many finished after it, listing it once', async () => {
    const old = await append(1, decided(1), claimed, failed(), givenUp);
    for (let p = 2; p <= RECENT_PER_RECEIVER + 50; p++)
      await append(p, decided(p), claimed, delivered);
    expect(ledger.history.recentOf('sub1').map((d) => d.stream)).not.toContain(old);
    expect(await retryGivenUp(store, ledger, webhookDeliveryDecider, 'sub1', 'admin')).toBe(1);
    expect(ledger.open().map((d) => d.stream)).toEqual([old]);
    expect(ledger.history.recentOf('sub1').map((d) => d.stream)).not.toContain(old);
    await append(
      1,
      { ...claimed, data: { ...claimed.data, attempt: 2 } },
      {
        ...delivered,
        data: { ...delivered.data, attempt: 2 },
      },
    );
    expect(ledger.size()).toBe(0);
    expect(ledger.history.recentOf('sub1')[0].stream).toBe(old);
    expect(ledger.history.givenUpOf('sub1')).toEqual([]);
  });
});
