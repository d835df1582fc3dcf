import { EventStoreError } from './errors';
import type { ExpectedRevision, NewEvent } from './port';

/**
 * Rejects appends no adapter could store faithfully, before any I/O, so every adapter refuses
 * the same inputs with the same code.
 */
export function validateAppend(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new EventStoreError('INVALID_APPEND', 'stream name must be a non-empty string');
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new EventStoreError('INVALID_APPEND', `append to ${stream} has no events`, { stream });
  }
  if (
    expected !== 'any' &&
    expected !== 'no_stream' &&
    !(Number.isSafeInteger(expected) && expected >= 0)
  ) {
    throw new EventStoreError('INVALID_APPEND', `invalid expected revision ${String(expected)}`, {
      stream,
    });
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (typeof event.id !== 'string' || event.id.length === 0) {
      throw new EventStoreError('INVALID_APPEND', `an event for ${stream} has no id`, { stream });
    }
    if (ids.has(event.id)) {
      throw new EventStoreError('INVALID_APPEND', `event id ${event.id} repeated in one append`, {
        stream,
        id: event.id,
      });
    }
    ids.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new EventStoreError('INVALID_APPEND', `event ${event.id} has no type`, { stream });
    }
  }
}

/** The revision the stream must be at, as a number (-1 for no stream), or undefined for `any`. */
export function expectedAsNumber(expected: ExpectedRevision): number | undefined {
  if (expected === 'any') return undefined;
  return expected === 'no_stream' ? -1 : expected;
}
