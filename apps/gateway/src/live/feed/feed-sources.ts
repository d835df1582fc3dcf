import type { EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import { LiveTail } from './live-tail';
import type { FeedSource } from './feed-subscription';

/**
 * The log as a feed source: pages read from the store, and one store subscription from the
 * read model's position for the live tail of every feed.
 */
export function eventSource(
  store: EventStore,
  readModel: ReadModel,
  failed: (error: unknown) => void,
): FeedSource<StoredEvent> {
  return {
    read: async (after, limit) =>
      (await store.readAll(after, limit)).map((event) => ({
        position: event.position,
        item: event,
      })),
    tail: new LiveTail((deliver) => {
      const start = readModel.position;
      const subscription = store.subscribeAll(start, (event) =>
        deliver({ position: event.position, item: event }),
      );
      return { start, stop: () => void subscription.close().catch(failed) };
    }),
  };
}

/**
 * The Updates as a feed source, each at the position of the event that last changed it: a
 * replay gives each Update changed since the position once, in its latest state (what Komodo's
 * feed shows), then every change as the read model applies it. Pages are cut from one list of
 * the Updates by position, shared by every replay and sorted again only once the read model
 * has moved on.
 */
export function updateSource(readModel: ReadModel): FeedSource<UpdateRecord> {
  let sorted: { at: number; updates: UpdateRecord[] } | undefined;
  const byPosition = () => {
    if (sorted?.at !== readModel.position) {
      const updates = readModel.listUpdates().sort((a, b) => a.position - b.position);
      sorted = { at: readModel.position, updates };
    }
    return sorted.updates;
  };
  return {
    read: (after, limit) => {
      // A socket that follows from now (a browser tab) costs no sort.
      if (after >= readModel.position) return Promise.resolve([]);
      const updates = byPosition();
      const first = firstAfter(updates, after);
      return Promise.resolve(
        updates
          .slice(first, first + limit)
          .map((update) => ({ position: update.position, item: update })),
      );
    },
    tail: new LiveTail((deliver) => {
      const stop = readModel.onUpdate((update) =>
        deliver({ position: update.position, item: update }),
      );
      return { start: readModel.position, stop: () => void stop() };
    }),
  };
}

/** The index of the first Update after the position, in a list sorted by position. */
function firstAfter(updates: readonly UpdateRecord[], after: number): number {
  let low = 0;
  let high = updates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (updates[middle].position <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}
