import { headers, type NatsConnection } from '@nats-io/nats-core';
import { JetStreamApiError, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { natsUrl } from '../../../../../test/test-env';
import { EventStoreError } from '../../errors';
import { JS_WRONG_LAST_SEQUENCE } from './jetstream-errors';
import { PubAckInbox } from './pub-ack-inbox';

/** Conditional publishes with their acks on the store's own inbox, against a real nats-server. */
describe('PubAckInbox', () => {
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let stream: string;
  let subject: string;
  let inbox: PubAckInbox;

  beforeAll(async () => {
    connection = await connect({ servers: natsUrl() });
    jsm = await jetstreamManager(connection);
  });
  afterAll(() => connection.drain());

  beforeEach(async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    stream = `TEST_ACKS_${id}`;
    subject = `test-acks-${id}.a`;
    await jsm.streams.add({ name: stream, subjects: [`test-acks-${id}.>`] });
    inbox = new PubAckInbox(connection);
  });
  afterEach(async () => {
    await inbox.close();
    await jsm.streams.delete(stream);
  });

  const publish = (msgId: string, lastSubjectSequence: number, to = subject) =>
    inbox.publish({
      subject: to,
      payload: new TextEncoder().encode(msgId),
      headers: headers(),
      msgId,
      lastSubjectSequence,
    });

  it('answers each of many publishes at once with its own sequence', async () => {
    const first = await publish('m-0', 0);
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) => publish(`n-${i}`, 0, `${subject}${i}`)),
    );
    expect(first).toMatchObject({ stream, seq: 1, duplicate: false });
    expect(new Set(acks.map((ack) => ack.seq)).size).toBe(50);
    for (const ack of acks) {
      const stored = await jsm.streams.getMessage(stream, { seq: ack.seq });
      expect(`n-${stored?.subject.slice(subject.length)}`).toBe(stored?.header.get('Nats-Msg-Id'));
    }
  });

  it('sends the publishes asked in one turn of the event loop together, at its end', async () => {
    const sent = jest.spyOn(connection, 'publish');
    try {
      const acks = [publish('t-1', 0, `${subject}t1`), publish('t-2', 0, `${subject}t2`)];
      expect(sent).not.toHaveBeenCalled();
      await new Promise((resolve) => setImmediate(resolve));
      expect(sent).toHaveBeenCalledTimes(2);
      expect((await Promise.all(acks)).map((ack) => ack.duplicate)).toEqual([false, false]);
    } finally {
      sent.mockRestore();
    }
  });

  it('refuses a publish whose expected subject sequence is not the last, as JetStream does', async () => {
    await publish('m-1', 0);
    const refused = await publish('m-2', 0).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(JetStreamApiError);
    expect((refused as JetStreamApiError).code).toBe(JS_WRONG_LAST_SEQUENCE);
    expect((await jsm.streams.info(stream)).state.messages).toBe(1);
  });

  it('says duplicate for a message id published again', async () => {
    const original = await publish('m-3', 0);
    const again = await publish('m-3', 0);
    expect(again).toMatchObject({ seq: original.seq, duplicate: true });
  });

  it('names a subject no stream takes as a misconfigured store', async () => {
    const refused = await publish('m-4', 0, `nobody-takes-${randomUUID()}`).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(EventStoreError);
    expect((refused as EventStoreError).code).toBe('STORE_MISCONFIGURED');
  });

  it('closes only once what was published has its ack', async () => {
    const pending = publish('m-5', 0);
    await inbox.close();
    await expect(pending).resolves.toMatchObject({ seq: 1 });
    inbox = new PubAckInbox(connection);
  });
});
