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
 * feed shows), then every change as the read model applies it.
 */
export function updateSource(readModel: ReadModel): FeedSource<UpdateRecord> {
  return {
    read: (after, limit) =>
      Promise.resolve(
        readModel
          .listUpdates((update) => update.position > after)
          .sort((a, b) => a.position - b.position)
          .slice(0, limit)
          .map((update) => ({ position: update.position, item: update })),
      ),
    tail: new LiveTail((deliver) => {
      const stop = readModel.onUpdate((update) =>
        deliver({ position: update.position, item: update }),
      );
      return { start: readModel.position, stop: () => void stop() };
    }),
  };
}
