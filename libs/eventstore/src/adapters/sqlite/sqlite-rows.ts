import { deepFreeze } from '../../frozen';
import type { StoredEvent } from '../../port';

/** The columns every read selects, in the order `decodeRow` expects them. */
export const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, schema_version';

/** A row as `.raw()` returns it: an array, cheaper than an object per row on long replays. */
export type EventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  schemaVersion: number,
];

export function decodeRow(row: EventRow): StoredEvent {
  return {
    id: row[1],
    stream: row[2],
    revision: row[3],
    position: row[0],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    schemaVersion: row[7],
  };
}

/** What a subscription is handed: decoded once, frozen, the same object for every subscriber. */
export function frozenEvent(row: EventRow): StoredEvent {
  return deepFreeze(decodeRow(row));
}
