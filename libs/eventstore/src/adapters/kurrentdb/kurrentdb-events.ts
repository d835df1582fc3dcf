import { jsonEvent, type EventData, type JSONType } from '@kurrent/kurrentdb-client';
import { EventStoreError } from '../../errors';
import type { EventMetadata, NewEvent, StoredEvent } from '../../port';
import { kurrentEventId } from './event-id';

/**
 * Keys the adapter adds to an event's metadata: KurrentDB's own correlation keys (so its
 * `$bc-` / `$by_correlation_id` projections work on Monitor events) and what KurrentDB has no
 * field for. Monitor's metadata keys never start with `$`, so nothing is overwritten.
 */
const ID = '$monitorEventId';
const SCHEMA_VERSION = '$monitorSchemaVersion';
const CORRELATION = '$correlationId';
const CAUSATION = '$causationId';

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: kurrentEventId(event.id),
    type: event.type,
    // The client writes JSON.stringify(data): any JSON value goes, whatever its typing says.
    data: (event.data ?? null) as JSONType,
    metadata: {
      ...event.metadata,
      [CORRELATION]: event.metadata.correlationId,
      [CAUSATION]: event.metadata.causationId,
      [ID]: event.id,
      [SCHEMA_VERSION]: event.schemaVersion ?? 1,
    },
  });
}

/** An event's metadata as `toEventData` writes it: Monitor's, and the adapter's own keys. */
type WrittenMetadata = EventMetadata & {
  [ID]?: unknown;
  [SCHEMA_VERSION]?: unknown;
  [CORRELATION]?: unknown;
  [CAUSATION]?: unknown;
};

/** What a read gives back of an event, whether from one stream or from `$all`. */
export interface RecordedLike {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  position?: { commit: bigint; prepare: bigint };
}

/**
 * Position = the event's prepare position: its own place in the log, where the commit position
 * can be shared by the events of one append, and increasing in `$all` order, since a gRPC
 * append's events are written together. Exact as a number up to 2^53 bytes of log. Known from
 * KurrentDB's documentation only, not a server: the contract's read from the middle of a
 * multi-event append checks it when EVENTSTORE_URL is set. Needs a server >= 22.6 (positions
 * on stream reads).
 */
export function fromRecorded(recorded: RecordedLike): StoredEvent {
  if (!recorded.position || typeof recorded.metadata !== 'object' || recorded.metadata === null) {
    throw new EventStoreError(
      'CORRUPT_RECORD',
      `event ${recorded.id} in ${recorded.streamId} lacks position or metadata`,
      {
        stream: recorded.streamId,
      },
    );
  }
  // Only this adapter writes Monitor's streams, so their metadata is what toEventData wrote.
  const written = recorded.metadata as WrittenMetadata;
  const {
    [ID]: id,
    [SCHEMA_VERSION]: schemaVersion,
    [CORRELATION]: _correlation,
    [CAUSATION]: _causation,
    ...metadata
  } = written;
  return {
    id: typeof id === 'string' ? id : recorded.id,
    stream: recorded.streamId,
    revision: Number(recorded.revision),
    position: Number(recorded.position.prepare),
    type: recorded.type,
    data: recorded.data,
    metadata,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
  };
}
