import { expectedAsNumber, validateAppend } from '../../append-validation';
import { CatchUpSubscription } from '../../catch-up-subscription';
import { EventStoreError } from '../../errors';
import { duplicateId, resolveConflict } from '../../idempotency';
import { deepFreeze } from '../../frozen';
import { toJson } from '../../json';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  Subscription,
} from '../../port';

/**
 * Events as kept: data and metadata as JSON text, like the durable adapters, so that a test on
 * this store reads back what they would (a Date as a string, no undefined fields, no class
 * instances) and nobody can change a stored event through a reference they were handed.
 */
interface StoredRecord {
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  schemaVersion: number;
}

/** The whole store in memory, for unit tests and fast domain tests. Position = index + 1. */
export class MemoryEventStore implements EventStore {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, number[]>();
  private readonly ids = new Set<string>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closed = false;

  async append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    const indexes = this.streams.get(stream) ?? [];
    const current = indexes.length - 1;
    const conflict = expected !== 'any' && expectedAsNumber(expected) !== current;
    if (conflict || events.some((event) => this.ids.has(event.id))) {
      return this.answerRepeat(stream, events, expected);
    }
    const records = events.map((event, i) => toRecord(stream, current + 1 + i, event));
    for (const record of records) {
      indexes.push(this.log.length);
      this.log.push(record);
      this.ids.add(record.id);
    }
    this.streams.set(stream, indexes);
    for (const subscription of this.subscriptions) subscription.wake();
    return { revision: current + events.length, position: this.log.length };
  }

  async readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    this.assertOpen();
    const indexes = this.streams.get(stream) ?? [];
    return indexes.slice(Math.max(0, fromRevision)).map((index) => this.stored(index));
  }

  async readAll(afterPosition = 0, limit = Number.MAX_SAFE_INTEGER): Promise<StoredEvent[]> {
    this.assertOpen();
    const start = Math.max(0, Math.floor(afterPosition));
    const end = Math.min(this.log.length, start + limit);
    const events: StoredEvent[] = [];
    for (let index = start; index < end; index++) events.push(this.stored(index));
    return events;
  }

  subscribeAll(afterPosition: number, handler: EventHandler): Subscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      async (after, limit) => (await this.readAll(after, limit)).map(deepFreeze),
      afterPosition,
      handler,
      1000,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.log.length;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
    this.closed = true;
  }

  /** Conflict or known id: the original result if this append already happened, else an error. */
  private async answerRepeat(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stored = await this.readStream(stream);
    const mine = new Set(stored.map((event) => event.id));
    const elsewhere = events.find((event) => this.ids.has(event.id) && !mine.has(event.id));
    if (elsewhere) throw duplicateId(stream, elsewhere.id);
    return resolveConflict(stream, stored, events, expected);
  }

  private stored(index: number): StoredEvent {
    const record = this.log[index];
    return {
      id: record.id,
      stream: record.stream,
      revision: record.revision,
      position: index + 1,
      type: record.type,
      data: JSON.parse(record.data),
      metadata: JSON.parse(record.metadata),
      schemaVersion: record.schemaVersion,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreError('STORE_CLOSED', 'the memory event store is closed');
  }
}

function toRecord(stream: string, revision: number, event: NewEvent): StoredRecord {
  return {
    id: event.id,
    stream,
    revision,
    type: event.type,
    data: toJson(event.data, `data of ${event.id}`),
    metadata: toJson(event.metadata, `metadata of ${event.id}`),
    schemaVersion: event.schemaVersion ?? 1,
  };
}
