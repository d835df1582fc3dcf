import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { natsUrl } from '../../../../../test/test-env';
import { eventually, newEvent, uniqueStream } from '../../contract/fixtures';
import type { StoredEvent } from '../../port';
import { JetStreamEventStore } from './jetstream-event-store';

/** The subscriptions of one store share one consumer (JetStreamTail); these are its edges. */
describe('JetStream subscriptions: one shared consumer', () => {
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let store: JetStreamEventStore;
  let streamName: string;

  beforeAll(async () => {
    connection = await connect({ servers: natsUrl() });
    jsm = await jetstreamManager(connection);
  });
  afterAll(() => connection.drain());

  beforeEach(async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    streamName = `TEST_${id}`;
    store = await JetStreamEventStore.open(connection, {
      stream: streamName,
      prefix: `test-${id}`,
    });
  });
  afterEach(async () => {
    await store.close();
    await jsm.streams.delete(streamName);
  });

  /** `count` appends of one event each, on streams of their own, `parallel` at a time. */
  const appendMany = async (count: number, parallel = 50) => {
    for (let done = 0; done < count; done += parallel) {
      await Promise.all(
        Array.from({ length: Math.min(parallel, count - done) }, () =>
          store.append(uniqueStream('tail'), [newEvent()], 'no_stream'),
        ),
      );
    }
  };
  const consumers = async () => (await jsm.consumers.list(streamName).next()).length;
  const follow = (from: number, seen: StoredEvent[], gate?: () => Promise<void>) =>
    store.subscribeAll(from, async (event) => {
      await gate?.();
      seen.push(event);
    });
  const inOrderOnce = (seen: StoredEvent[]) =>
    seen.every((event, i) => i === 0 || event.position > seen[i - 1].position);

  it('gives every subscription each event after its position once, in order, on one consumer', async () => {
    await appendMany(1200); // more than the tail keeps: the last one catches up by itself
    const head = await store.headPosition();
    const fromStart: StoredEvent[] = [];
    const fromHead: StoredEvent[] = [];
    const first = follow(0, fromStart);
    await eventually(() => fromStart.length === 1200, 'history delivered');
    const second = follow(head, fromHead);
    const third: StoredEvent[] = [];
    const fromOld = follow(fromStart[10].position, third);
    await appendMany(20);
    await eventually(
      () => fromStart.length === 1220 && fromHead.length === 20 && third.length === 1209,
      'live events delivered to all three',
    );
    expect([fromStart, fromHead, third].map(inOrderOnce)).toEqual([true, true, true]);
    expect(third[0].position).toBe(fromStart[11].position);
    expect(await consumers()).toBe(1);
    await Promise.all([first.close(), second.close(), fromOld.close()]);
  });

  it('lets a slow subscription hold back no other, then delivers it everything in order', async () => {
    const head = await store.headPosition();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow: StoredEvent[] = [];
    const fast: StoredEvent[] = [];
    const slowOne = follow(head, slow, () => gate);
    const fastOne = follow(head, fast);
    await appendMany(100);
    await eventually(() => fast.length === 100, 'the fast one has every event');
    expect(slow).toHaveLength(0);
    open();
    await eventually(() => slow.length === 100, 'the slow one catches up');
    expect(slow.map((e) => e.id)).toEqual(fast.map((e) => e.id));
    await Promise.all([slowOne.close(), fastOne.close()]);
  });

  it('lets a subscription fallen far behind leave the tail, catch up, and join it again', async () => {
    const head = await store.headPosition();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const behind: StoredEvent[] = [];
    const subscription = follow(head, behind, () => gate);
    await appendMany(4200, 100); // more than a follower may have waiting
    open();
    await eventually(() => behind.length === 4200, 'every event, after catching up', 30_000);
    expect(inOrderOnce(behind)).toBe(true);
    await appendMany(5);
    await eventually(() => behind.length === 4205, 'live events, on the tail again');
    expect(await consumers()).toBe(1);
    await subscription.close();
  }, 60_000);

  it('stops a subscription whose handler throws at that event, the others going on', async () => {
    const head = await store.headPosition();
    const others: StoredEvent[] = [];
    const failing = store.subscribeAll(head, () => {
      throw new Error('handler broke');
    });
    const other = follow(head, others);
    await appendMany(3);
    await eventually(() => others.length === 3, 'the other one has every event');
    await expect(failing.close()).rejects.toThrow('handler broke');
    await appendMany(1);
    await eventually(() => others.length === 4, 'and goes on');
    await other.close();
  });
});
