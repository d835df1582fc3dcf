import { EventStoreError } from './errors';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type StoredEvent,
} from './port';

/**
 * Idempotent append by event id, the rule shared by every adapter: when an append conflicts (or
 * meets an id already stored), read the stream back; if all of its event ids are there, in order
 * and contiguous, the append already happened (a retry after a lost answer) and the original
 * result is the answer. Returns undefined when none of the ids is stored (a genuine conflict);
 * throws DUPLICATE_EVENT_ID when only some are, or in another order.
 */
export function findPriorAppend(
  stream: string,
  stored: readonly StoredEvent[],
  events: readonly NewEvent[],
): AppendResult | undefined {
  const start = stored.findIndex((event) => event.id === events[0].id);
  if (start < 0) {
    const ids = new Set(events.map((event) => event.id));
    const clash = stored.find((event) => ids.has(event.id));
    if (clash) throw duplicateId(stream, clash.id);
    return undefined;
  }
  for (let i = 0; i < events.length; i++) {
    const found = stored[start + i];
    if (!found || found.id !== events[i].id) throw duplicateId(stream, events[i].id);
  }
  const last = stored[start + events.length - 1];
  return { revision: last.revision, position: last.position };
}

export function duplicateId(stream: string, id: string): EventStoreError {
  return new EventStoreError(
    'DUPLICATE_EVENT_ID',
    `event id ${id} is already stored, but not as this append to ${stream}`,
    { stream, id },
  );
}

/** What a conflicting append answers: the original result if it already happened, else the error. */
export function resolveConflict(
  stream: string,
  stored: readonly StoredEvent[],
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): AppendResult {
  const prior = findPriorAppend(stream, stored, events);
  if (prior) return prior;
  const last = stored.at(-1);
  throw new WrongExpectedRevisionError(stream, expected, last ? last.revision : 'no_stream');
}

/**
 * `any` for engines whose de-duplication by id is not reliable (JetStream beyond its duplicate
 * window, KurrentDB with `any`): read the stream, answer the prior result if the ids are there,
 * else append with the exact revision just read, and go round again if someone got in first.
 */
export async function appendAnyByReadBack(
  stream: string,
  events: readonly NewEvent[],
  readStream: (stream: string) => Promise<StoredEvent[]>,
  appendExact: (expected: number | 'no_stream') => Promise<AppendResult>,
): Promise<AppendResult> {
  for (;;) {
    const stored = await readStream(stream);
    const prior = findPriorAppend(stream, stored, events);
    if (prior) return prior;
    const last = stored.at(-1);
    try {
      return await appendExact(last ? last.revision : 'no_stream');
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
