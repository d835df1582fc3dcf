import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { natsUrl } from '../../../../../test/test-env';
import { delay, ids, newEvents, rejectionOf } from '../../contract/fixtures';
import { WrongExpectedRevisionError } from '../../port';
import { JetStreamEventStore } from './jetstream-event-store';

/** What the contract cannot see: the tail cache, the duplicate window, the stream's setup. */
describe('JetStreamEventStore specifics', () => {
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let location: { stream: string; prefix: string };
  const opened: JetStreamEventStore[] = [];

  const open = async (): Promise<JetStreamEventStore> => {
    const store = await JetStreamEventStore.open(connection, location);
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    connection = await connect({ servers: natsUrl() });
    jsm = await jetstreamManager(connection);
  });
  afterAll(async () => {
    await connection.drain();
  });
  beforeEach(() => {
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    location = { stream: `SPECIFIC_${id}`, prefix: `specific-${id}` };
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await jsm.streams.delete(location.stream).catch(() => undefined);
  });

  it('detects a conflict when another process moved the stream past its cached tail', async () => {
    const [mine, theirs] = [await open(), await open()];
    await mine.append('s', newEvents(1), 'no_stream');
    await theirs.append('s', newEvents(1), 0);
    const error = await rejectionOf(mine.append('s', newEvents(1), 0));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ actual: 1 });
    expect((await mine.append('s', newEvents(1), 1)).revision).toBe(2);
  });

  it('recognises a repeated append by its ids after the duplicate window has passed', async () => {
    await jsm.streams.add({
      name: location.stream,
      subjects: [`${location.prefix}.>`],
      storage: 'file',
      duplicate_window: 100_000_000, // 100 ms, in nanoseconds
    });
    const store = await open();
    const events = newEvents(2);
    const original = await store.append('s', events, 'no_stream');
    await delay(300);
    expect(await store.append('s', events, 'no_stream')).toEqual(original);
    expect(await store.append('s', events, 'any')).toEqual(original);
    expect(ids(await store.readStream('s'))).toEqual(ids(events));
  });

  it('refuses an id reused in another stream within the duplicate window', async () => {
    const store = await open();
    const events = newEvents(1);
    await store.append('one', events, 'no_stream');
    const error = await rejectionOf(store.append('two', events, 'no_stream'));
    expect(error).toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
    expect(await store.readStream('two')).toEqual([]);
  });

  it('refuses an append larger than the server takes in one message', async () => {
    const store = await open();
    const [event] = newEvents(1);
    const huge = { ...event, data: 'x'.repeat(2 * 1024 * 1024) };
    const error = await rejectionOf(store.append('s', [huge], 'no_stream'));
    expect(error).toMatchObject({ code: 'APPEND_TOO_LARGE' });
  });

  it('refuses to work on an existing stream that lacks its subjects', async () => {
    await jsm.streams.add({ name: location.stream, subjects: [`other-${location.prefix}.>`] });
    const error = await rejectionOf(JetStreamEventStore.open(connection, location));
    expect(error).toMatchObject({ code: 'STORE_MISCONFIGURED' });
  });

  it('reads a long stream through a consumer, from any revision', async () => {
    const store = await open();
    const events = newEvents(60);
    for (let i = 0; i < 60; i += 3) {
      await store.append('long', events.slice(i, i + 3), i === 0 ? 'no_stream' : i - 1);
    }
    expect(ids(await store.readStream('long'))).toEqual(ids(events));
    expect(ids(await store.readStream('long', 31))).toEqual(ids(events.slice(31)));
    expect(ids(await store.readStream('long', 58))).toEqual(ids(events.slice(58)));
    // The read consumers are deleted once read, not left to time out.
    const deadline = Date.now() + 5000;
    while ((await jsm.streams.info(location.stream)).state.consumer_count > 0) {
      if (Date.now() > deadline) throw new Error('read consumers were left behind');
      await delay(50);
    }
  });
});
