import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { validateAppend } from '../../append-validation';
import { EventStoreError } from '../../errors';
import { appendAnyByReadBack, resolveConflict } from '../../idempotency';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  Subscription,
} from '../../port';
import { fromRecorded, toEventData } from './kurrentdb-events';
import { domainEventsOnly, readFrom } from './kurrentdb-filter';
import { KurrentDbSubscription } from './kurrentdb-subscription';
import { OpenSubscriptions } from '../open-subscriptions';

/**
 * The event store on KurrentDB (EventStoreDB) through its gRPC client. Appends use the exact
 * expected revision (`streamState`); `any` reads back first (`appendAnyByReadBack`), since
 * KurrentDB's de-duplication by id is only reliable with an exact revision. Reading `$all`
 * needs a user allowed to (by default, an admin). Positions: see `fromRecorded`.
 *
 * Not run against a server in this repository's CI (none can run here): its contract tests
 * run when `EVENTSTORE_URL` is set.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new OpenSubscriptions<KurrentDbSubscription>();
  private closed = false;

  constructor(readonly client: KurrentDBClient) {}

  /** Builds the client; it connects on first use, not here. */
  static fromConnectionString(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  async append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    if (expected !== 'any') return this.appendExact(stream, events, expected);
    return appendAnyByReadBack(
      stream,
      events,
      (name) => this.readStream(name),
      (exact) => this.appendExact(stream, events, exact),
    );
  }

  async readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    this.assertOpen();
    const events: StoredEvent[] = [];
    const reads = this.client.readStream(stream, {
      fromRevision: BigInt(fromRevision),
      direction: FORWARDS,
    });
    try {
      for await (const resolved of reads) {
        if (resolved.event) events.push(fromRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(afterPosition = 0, limit = Number.MAX_SAFE_INTEGER): Promise<StoredEvent[]> {
    this.assertOpen();
    const events: StoredEvent[] = [];
    if (limit <= 0) return events;
    const reads = this.client.readAll({
      fromPosition: readFrom(afterPosition),
      direction: FORWARDS,
      filter: domainEventsOnly(),
    });
    for await (const resolved of reads) {
      if (!resolved.event) continue;
      const event = fromRecorded(resolved.event);
      if (event.position <= afterPosition) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }

  subscribeAll(afterPosition: number, handler: EventHandler): Subscription {
    this.assertOpen();
    const subscription = new KurrentDbSubscription(this.client, afterPosition, handler);
    return this.subscriptions.track(subscription);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const reads = this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      filter: domainEventsOnly(),
    });
    for await (const resolved of reads) {
      if (resolved.event) return fromRecorded(resolved.event).position;
    }
    return 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    await this.client.dispose();
  }

  private async appendExact(
    stream: string,
    events: NewEvent[],
    expected: number | 'no_stream',
  ): Promise<AppendResult> {
    let revision: number;
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        streamState: expected === 'no_stream' ? NO_STREAM : BigInt(expected),
      });
      revision = Number(result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return resolveConflict(stream, await this.readStream(stream), events, expected);
    }
    // The append answers the commit position of the whole write; the last event's own
    // position is what a reader waiting for this write must reach, so read it back.
    const [last] = await this.readStream(stream, revision);
    if (!last) {
      throw new EventStoreError(
        'CORRUPT_RECORD',
        `${stream} has no revision ${revision} after appending it`,
        {
          stream,
          revision,
        },
      );
    }
    return { revision, position: last.position };
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new EventStoreError('STORE_CLOSED', 'the KurrentDB event store is closed');
    }
  }
}
