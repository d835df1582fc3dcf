import type { EventStore, StoredEvent } from './port';

/**
 * An event store whose readers see every event at its type's current version: old versions are
 * upcast as they are read (by the function the domain gives), never rewritten in the store.
 */
export function withUpcasting(
  store: EventStore,
  upcast: (event: StoredEvent) => StoredEvent,
): EventStore {
  return {
    append: (stream, events, expected) => store.append(stream, events, expected),
    readStream: async (stream, fromRevision) =>
      (await store.readStream(stream, fromRevision)).map(upcast),
    readAll: async (afterPosition, limit) =>
      (await store.readAll(afterPosition, limit)).map(upcast),
    subscribeAll: (afterPosition, handler) =>
      store.subscribeAll(afterPosition, (event) => handler(upcast(event))),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
