import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { validateAppend } from '../../append-validation';
import { EventStoreError } from '../../errors';
import { appendAnyByReadBack } from '../../idempotency';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  Subscription,
} from '../../port';
import { ensureStream } from './ensure-stream';
import { JetStreamAppender } from './jetstream-appender';
import { JetStreamReader, type JetStreamLocation } from './jetstream-reader';
import { JetStreamSubscription } from './jetstream-subscription';
import { JetStreamTail } from './jetstream-tail';
import { PubAckInbox } from './pub-ack-inbox';
import { DecodedEnvelopes } from './decoded-envelopes';
import { EVENTS_PER_ENVELOPE } from './positions';
import { TailCache } from './tail-cache';
import { OpenSubscriptions } from '../open-subscriptions';

export interface JetStreamEventStoreOptions {
  /** The JetStream stream holding every event. Default `MONITOR_EVENTS`. */
  stream?: string;
  /** Subjects are `<prefix>.<encoded stream name>` (see `subject-token.ts`). Default `monitor.events`. */
  prefix?: string;
}

/**
 * The event store on NATS JetStream: one JetStream stream, one subject per event stream, one
 * message per append (`envelope.ts`), optimistic concurrency with
 * `Nats-Expected-Last-Subject-Sequence` (`jetstream-appender.ts`), concurrent retries
 * de-duplicated by `Nats-Msg-Id` = the id of the append's first event. Positions:
 * `positions.ts`.
 */
export class JetStreamEventStore implements EventStore {
  private readonly js: JetStreamClient;
  private readonly reader: JetStreamReader;
  private readonly appender: JetStreamAppender;
  private readonly subscriptions = new OpenSubscriptions<JetStreamSubscription>();
  private readonly envelopes: DecodedEnvelopes;
  private readonly acks: PubAckInbox;
  /** The consumer the subscriptions share; replaced should it fail. */
  private tail?: JetStreamTail;
  private closed = false;

  private constructor(
    readonly connection: NatsConnection,
    jsm: JetStreamManager,
    private readonly ownsConnection: boolean,
    readonly location: JetStreamLocation,
  ) {
    const tails = new TailCache();
    this.js = jetstream(connection);
    this.envelopes = new DecodedEnvelopes(location.prefix);
    this.reader = new JetStreamReader(this.js, jsm, location, tails);
    this.acks = new PubAckInbox(connection);
    this.appender = new JetStreamAppender(connection, this.acks, this.reader, tails);
  }

  /** On a connection the caller keeps and closes. Creates the JetStream stream if missing. */
  static open(
    connection: NatsConnection,
    options: JetStreamEventStoreOptions = {},
  ): Promise<JetStreamEventStore> {
    return JetStreamEventStore.create(connection, options, false);
  }

  /** Connects to NATS; `close()` drains and closes that connection. */
  static async connect(
    servers: string | string[],
    options: JetStreamEventStoreOptions = {},
  ): Promise<JetStreamEventStore> {
    // Without async traces: nats.js otherwise builds two Errors (stack captured, async frames
    // walked) for every request, each append's publish among them, in case it fails: a third of
    // an append's CPU time. A failure still says what failed.
    const connection = await connect({ servers, noAsyncTraces: true });
    try {
      return await JetStreamEventStore.create(connection, options, true);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  private static async create(
    connection: NatsConnection,
    options: JetStreamEventStoreOptions,
    ownsConnection: boolean,
  ): Promise<JetStreamEventStore> {
    const location = {
      stream: options.stream ?? 'MONITOR_EVENTS',
      prefix: options.prefix ?? 'monitor.events',
    };
    const jsm = await jetstreamManager(connection);
    await ensureStream(jsm, {
      name: location.stream,
      subjects: [`${location.prefix}.>`],
      storage: 'file',
      // The log is append-only: nobody deletes or purges events through NATS by mistake.
      deny_delete: true,
      deny_purge: true,
    });
    return new JetStreamEventStore(connection, jsm, ownsConnection, location);
  }

  async append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    if (events.length > EVENTS_PER_ENVELOPE) {
      throw new EventStoreError(
        'APPEND_TOO_LARGE',
        `at most ${EVENTS_PER_ENVELOPE} events per append`,
        {
          stream,
          count: events.length,
        },
      );
    }
    if (expected !== 'any') return this.appender.append(stream, events, expected);
    return appendAnyByReadBack(
      stream,
      events,
      (name) => this.reader.readStream(name, 0),
      (exact) => this.appender.append(stream, events, exact),
    );
  }

  async readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.reader.readStream(stream, fromRevision);
  }

  async readAll(afterPosition = 0, limit = Number.MAX_SAFE_INTEGER): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.reader.readAll(afterPosition, limit);
  }

  subscribeAll(afterPosition: number, handler: EventHandler): Subscription {
    this.assertOpen();
    const { stream, prefix } = this.location;
    const subscription = new JetStreamSubscription(
      this.js,
      stream,
      prefix,
      this.envelopes,
      () => this.sharedTail(),
      afterPosition,
      handler,
    );
    return this.subscriptions.track(subscription);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.reader.headPosition();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    await this.tail?.close();
    await this.acks.close();
    if (this.ownsConnection) await this.connection.drain();
  }

  private sharedTail(): JetStreamTail {
    if (!this.tail || this.tail.broken) {
      const { stream, prefix } = this.location;
      this.tail = new JetStreamTail(this.js, stream, prefix);
    }
    return this.tail;
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new EventStoreError('STORE_CLOSED', 'the JetStream event store is closed');
    }
  }
}
