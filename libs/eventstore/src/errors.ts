/**
 * Errors of the event store other than a revision conflict (`WrongExpectedRevisionError` in the
 * port). Each carries a stable code so callers and the bus can map it without parsing messages.
 */
export type EventStoreErrorCode =
  /** The append itself is malformed: empty stream name, no events, repeated ids, bad revision. */
  | 'INVALID_APPEND'
  /** An event id is already stored, but not as this very append (another stream or order). */
  | 'DUPLICATE_EVENT_ID'
  /** The append does not fit the adapter's limits (JetStream message size, events per append). */
  | 'APPEND_TOO_LARGE'
  /** The engine is set up in a way the adapter cannot work with (JetStream stream subjects). */
  | 'STORE_MISCONFIGURED'
  /** The store was closed. */
  | 'STORE_CLOSED'
  /** A stored record could not be decoded: written by something else, or damaged. */
  | 'CORRUPT_RECORD';

export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'EventStoreError';
  }
}
