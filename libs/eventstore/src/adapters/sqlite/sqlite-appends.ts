import { toJson } from '../../json';
import type { AppendResult, ExpectedRevision, NewEvent } from '../../port';
import type { EventRow } from './sqlite-rows';

/** An append ready to insert: JSON is made before the write lock is taken. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
  schemaVersion: number;
}

/** One append waiting for its group's commit. */
export interface PreparedAppend {
  stream: string;
  expected: ExpectedRevision;
  events: PreparedEvent[];
}

/** The rows an append has just inserted, as a query would read them. */
export function appendedRows({ stream, events }: PreparedAppend, result: AppendResult): EventRow[] {
  const first = 1 - events.length;
  return events.map((e, i) => [
    result.position + first + i,
    e.id,
    stream,
    result.revision + first + i,
    e.type,
    e.data,
    e.metadata,
    e.schemaVersion,
  ]);
}

export function prepareEvent(event: NewEvent): PreparedEvent {
  return {
    id: event.id,
    type: event.type,
    data: toJson(event.data, `data of ${event.id}`),
    metadata: toJson(event.metadata, `metadata of ${event.id}`),
    schemaVersion: event.schemaVersion ?? 1,
  };
}
