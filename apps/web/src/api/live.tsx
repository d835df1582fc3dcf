import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { UpdateFeedClient, type FeedStatus } from './update-feed';
import type { UpdateListItem } from './types';

type Subscriber = (update: UpdateListItem | 'resync') => void;

interface Live {
  status: FeedStatus;
  subscribe(subscriber: Subscriber): () => void;
}

const LiveContext = createContext<Live | undefined>(undefined);

/** One `/ws/update` connection per signed-in tab, shared by every page. */
export function LiveProvider({ jwt, children }: { jwt: string; children: ReactNode }) {
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const subscribers = useRef(new Set<Subscriber>());
  useEffect(() => {
    const notify = (message: UpdateListItem | 'resync') =>
      subscribers.current.forEach((subscriber) => subscriber(message));
    const feed = new UpdateFeedClient(jwt, {
      update: notify,
      resync: () => notify('resync'),
      status: setStatus,
    });
    feed.start();
    return () => feed.stop();
  }, [jwt]);
  const live = useMemo<Live>(
    () => ({
      status,
      subscribe: (subscriber) => {
        subscribers.current.add(subscriber);
        return () => subscribers.current.delete(subscriber);
      },
    }),
    [status],
  );
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): FeedStatus {
  return useLive().status;
}

/** Calls `onUpdate` with each Update the feed sends. */
export function useUpdateFeed(onUpdate: (update: UpdateListItem) => void): void {
  const { subscribe } = useLive();
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(
    () => subscribe((message) => message !== 'resync' && latest.current(message)),
    [subscribe],
  );
}

/**
 * A number that changes whenever the page should read again: an Update it cares about, a
 * reconnection after a gap, and, with `everyMs`, a timer while the tab is visible. The timer
 * is for observed states (a container's, a server's): polling records them as events, not
 * Updates, so `/ws/update` does not carry them.
 */
export function useLiveVersion(
  cares: (update: UpdateListItem) => boolean = () => true,
  everyMs?: number,
): number {
  const { subscribe } = useLive();
  const [version, setVersion] = useState(0);
  const latest = useRef(cares);
  latest.current = cares;
  useEffect(
    () =>
      subscribe((message) => {
        if (message === 'resync' || latest.current(message)) setVersion((v) => v + 1);
      }),
    [subscribe],
  );
  useEffect(() => {
    if (!everyMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setVersion((v) => v + 1);
    }, everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return version;
}

function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('live updates used outside LiveProvider');
  return live;
}
