import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { UpdateListItem } from '@monitor/contracts';
import { ObservedFeedClient, type ObservedChange } from './observed-feed';
import { throttle } from './rate-limit';
import { UpdateFeedClient, type FeedStatus } from './update-feed';
import { useVisibleTick } from './use-visible-tick';

type Feed = 'updates' | 'observed';
type Message =
  | { type: 'update'; update: UpdateListItem }
  | { type: 'observed'; change: ObservedChange }
  | { type: 'resync'; feed: Feed };
type Subscriber = (message: Message) => void;

interface Live {
  status: Record<Feed, FeedStatus>;
  subscribe(subscriber: Subscriber): () => void;
}

/** With the observed feed down, pages showing observed states read again this often. */
const FALLBACK_POLL_MS = 15_000;

/**
 * A page reads again at most this often: a lone change at once, a burst (a deploy of hundreds,
 * a fleet's containers changing) once at once and once when the second is up.
 */
const REFRESH_AT_MOST_EVERY_MS = 1_000;

const LiveContext = createContext<Live | undefined>(undefined);

/**
 * One `/ws/update` connection per signed-in tab, shared by every page: Updates, and the observed
 * states asked for on the same socket.
 */
export function LiveProvider({ jwt, children }: { jwt: string; children: ReactNode }) {
  const [updates, setUpdates] = useState<FeedStatus>('connecting');
  const [observed, setObserved] = useState<FeedStatus>('connecting');
  const subscribers = useRef(new Set<Subscriber>());
  useEffect(() => {
    const notify = (message: Message) =>
      subscribers.current.forEach((subscriber) => subscriber(message));
    const updateFeed = new UpdateFeedClient(jwt, {
      update: (update) => notify({ type: 'update', update }),
      resync: () => notify({ type: 'resync', feed: 'updates' }),
      status: setUpdates,
    });
    const observedFeed = new ObservedFeedClient(updateFeed, {
      change: (change) => notify({ type: 'observed', change }),
      resync: () => notify({ type: 'resync', feed: 'observed' }),
      status: setObserved,
    });
    updateFeed.start();
    observedFeed.start();
    return () => {
      observedFeed.stop();
      updateFeed.stop();
    };
  }, [jwt]);
  const live = useMemo<Live>(
    () => ({
      status: { updates, observed },
      subscribe: (subscriber) => {
        subscribers.current.add(subscriber);
        return () => subscribers.current.delete(subscriber);
      },
    }),
    [updates, observed],
  );
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** Live when both feeds are; offline when either is. */
export function useLiveStatus(): FeedStatus {
  const { updates, observed } = useLive().status;
  if (updates === 'offline' || observed === 'offline') return 'offline';
  return updates === 'live' && observed === 'live' ? 'live' : 'connecting';
}

/** What a page shows, so it reads again when that changes. */
export interface LiveInterest {
  /** Updates from `/ws/update` that concern the page. */
  update?: (update: UpdateListItem) => boolean;
  /** Observed changes (a server's, a container's state; alerts). */
  observed?: (change: ObservedChange) => boolean;
}

/**
 * A number that changes whenever the page should read again: an Update or an observed change
 * it cares about, or a feed it listens to connecting again (changes may have been missed),
 * throttled so a burst costs two reads, not one per message.
 * While the observed feed is down, a page that shows observed states reads again on a slow
 * timer, as long as the tab is visible.
 */
export function useLiveVersion(interest: LiveInterest): number {
  const { subscribe, status } = useLive();
  const [version, setVersion] = useState(0);
  const latest = useRef(interest);
  useEffect(() => {
    latest.current = interest;
  });
  useEffect(() => {
    const bump = throttle(() => setVersion((v) => v + 1), REFRESH_AT_MOST_EVERY_MS);
    const unsubscribe = subscribe((message) => {
      const { update, observed } = latest.current;
      const cares =
        message.type === 'update'
          ? update?.(message.update)
          : message.type === 'observed'
            ? observed?.(message.change)
            : Boolean(message.feed === 'updates' ? update : observed);
      if (cares) bump.call();
    });
    return () => {
      unsubscribe();
      bump.cancel();
    };
  }, [subscribe]);
  const polls = Boolean(interest.observed) && status.observed !== 'live';
  // Both only grow: their sum changes whenever either does.
  return version + useVisibleTick(polls ? FALLBACK_POLL_MS : undefined);
}

function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('live updates used outside LiveProvider');
  return live;
}
