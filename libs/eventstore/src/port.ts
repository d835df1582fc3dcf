/**
 * The event store port: one small interface every adapter (sqlite, jetstream, kurrentdb, memory)
 * implements, checked by one contract suite (`contract.ts`).
 *
 * Revisions count events within a stream from 0. Positions order events across all streams;
 * they are opaque increasing numbers (never 0), so `0` means "from the beginning".
 */

/** Who did it, through which path, and why: carried by every event for the audit trail. */
export interface EventMetadata {
  userId: string;
  via: Via;
  correlationId: string;
  causationId: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** What made the change on the user's behalf: a sync at a commit (absent: the user alone). */
  origin?: EventOrigin;
}

/** A resource whose work a change was part of: `{ type: 'ResourceSync', id, commit }`. */
export interface EventOrigin {
  type: string;
  id: string;
  commit?: string;
}

export type Via = 'ui' | 'api' | 'api-key' | 'sync' | 'procedure' | 'webhook' | 'system';

export interface NewEvent {
  /** Unique id; appending the same ids again is a no-op that answers the first result. */
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  schemaVersion?: number;
}

export interface StoredEvent extends NewEvent {
  stream: string;
  revision: number;
  position: number;
  schemaVersion: number;
}

/** `no_stream`: the stream must not exist; `any`: no check; a number: the last revision. */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface AppendResult {
  /** Revision of the last appended event. */
  revision: number;
  /** Position of the last appended event. */
  position: number;
}

export type EventHandler = (event: StoredEvent) => void | Promise<void>;

export interface Subscription {
  close(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream from a revision (inclusive); an absent stream reads as empty. */
  readStream(stream: string, fromRevision?: number): Promise<StoredEvent[]>;
  /** Events of all streams after a position (exclusive), in order, at most `limit`. */
  readAll(afterPosition?: number, limit?: number): Promise<StoredEvent[]>;
  /**
   * Calls the handler for every event after the position, in order, then for every new one as
   * it is appended. The handler is awaited before the next event is delivered. Events are
   * frozen, data and metadata through: a store may hand the same object to every subscriber.
   */
  subscribeAll(afterPosition: number, handler: EventHandler): Subscription;
  /** Position of the last event in the store, 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

/** The expected revision did not match: the caller retries on fresh state or answers 409. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${expected}, found ${actual}`);
  }
}
