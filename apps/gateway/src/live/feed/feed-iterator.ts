import type { FeedEnd, FeedSink, Positioned } from './feed-message';

/** What a feed iterator yields: a message, or (last) why the feed ended. */
export type FeedYield<T> = Positioned<T> | { end: FeedEnd };

/**
 * A feed as an async iterator (what GraphQL subscriptions consume): it holds at most one
 * message the consumer has not pulled yet, so a consumer that stops pulling (graphql-ws waits
 * for each message to be written to the socket) makes the feed's bounded queue fill, and the
 * feed drop it. The feed's end is yielded last, then the iterator is done.
 */
export function feedIterator<T>(
  open: (sink: FeedSink<T>) => { close(): void },
): AsyncIterableIterator<FeedYield<T>> {
  let pending: Positioned<T> | undefined;
  let ended: FeedEnd | undefined;
  let done = false;
  let puller: ((result: IteratorResult<FeedYield<T>>) => void) | undefined;
  let drainer: (() => void) | undefined;

  const take = (): IteratorResult<FeedYield<T>> | undefined => {
    if (pending) {
      const value = pending;
      pending = undefined;
      drainer?.();
      drainer = undefined;
      return { value, done: false };
    }
    if (ended && !done) {
      done = true;
      return { value: { end: ended }, done: false };
    }
    return done ? { value: undefined, done: true } : undefined;
  };
  const wake = () => {
    const result = puller && take();
    if (!result) return;
    const resolve = puller!;
    puller = undefined;
    resolve(result);
  };
  const feed = open({
    send: (message) => {
      if (done) return true;
      pending = message;
      wake();
      return pending === undefined;
    },
    drained: () =>
      pending === undefined || done ? Promise.resolve() : new Promise((r) => (drainer = r)),
    heartbeat: () => undefined,
    end: (end) => {
      ended = end;
      wake();
    },
  });
  const finish = (): Promise<IteratorResult<FeedYield<T>>> => {
    done = true;
    pending = undefined;
    feed.close();
    drainer?.();
    puller?.({ value: undefined, done: true });
    puller = undefined;
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      const result = take();
      if (result) return Promise.resolve(result);
      return new Promise((resolve) => (puller = resolve));
    },
    return: finish,
    throw: (error: unknown) => finish().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
