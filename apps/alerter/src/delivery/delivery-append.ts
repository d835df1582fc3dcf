import { EVENT_UPCASTING, type DomainEvent } from '@monitor/domain';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type StoredEvent,
} from '@monitor/eventstore';
import { eventMetadata, newId, type CommandMeta } from '@monitor/resources';

/** Who a delivery's events name: the alerter service itself. */
export const ALERTER_USER = 'alerter';

export const alerterMeta = (causationId?: string): CommandMeta => {
  const correlationId = newId();
  return {
    userId: ALERTER_USER,
    via: 'system',
    correlationId,
    causationId: causationId ?? correlationId,
  };
};

/**
 * Appends a decider's events at the revision the caller read (no retry: a conflict means
 * another process moved first, which the caller handles), answering them as stored.
 */
export async function appendAt(
  store: EventStore,
  stream: string,
  events: readonly DomainEvent[],
  expected: ExpectedRevision,
  meta: CommandMeta = alerterMeta(),
): Promise<StoredEvent[]> {
  const metadata = eventMetadata(meta);
  const fresh = events.map((e) => ({
    id: newId(),
    type: e.type,
    data: e.data,
    metadata,
    schemaVersion: EVENT_UPCASTING.version(e.type),
  }));
  const result: AppendResult = await store.append(stream, fresh, expected);
  return fresh.map((e, i) => ({
    ...e,
    stream,
    revision: result.revision - fresh.length + 1 + i,
    position: result.position,
  }));
}

/**
 * Appends a decision as a new stream's first events, answering them as stored; a stream already
 * there (a replay, another replica first) is left as it is, and nothing is answered.
 */
export async function appendFirst(
  store: EventStore,
  stream: string,
  events: readonly DomainEvent[],
  meta?: CommandMeta,
): Promise<StoredEvent[]> {
  try {
    return await appendAt(store, stream, events, 'no_stream', meta);
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return [];
    throw error;
  }
}
