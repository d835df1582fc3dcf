import type { ObservedStream } from '@monitor/contracts';
import type { FeedStatus, ObservedSink, UpdateFeedClient } from './update-feed';

/** What an observed change is about: a server's, deployment's or stack's state, or an alert. */
export type ObservedKind = 'Server' | 'Deployment' | 'Stack' | 'Alert';

export interface ObservedChange {
  kind: ObservedKind;
  /** The resource's id, or the alert's. */
  id: string;
  /** The event's type, e.g. `DeploymentStatusChanged`, `AlertOpened`. */
  type: string;
}

export interface ObservedListener {
  change(change: ObservedChange): void;
  /** Observing again after a gap: changes may have been missed, read again. */
  resync(): void;
  status(status: FeedStatus): void;
}

/** The stream categories polling writes, and what each one's id names. */
const STREAM_KINDS: Record<ObservedStream, ObservedKind> = {
  serverstatus: 'Server',
  deploymentstatus: 'Deployment',
  stackstatus: 'Stack',
  alert: 'Alert',
};
const STREAMS = Object.keys(STREAM_KINDS) as ObservedStream[];

/**
 * The observed states polling records as events, asked for on the tab's `/ws/update` socket
 * (`Observe`). It starts from now, so observing again after a gap (a reconnection, or the tab
 * shown after being hidden) asks pages to read again. The first time does not: the pages' first
 * reads are in flight, and reading again would drop their answers and delay the first render.
 * A hidden tab stops observing, so that pages in the background do not read on every change.
 */
export class ObservedFeedClient {
  /** Whether pages read before observing starts, so should read again once it has. */
  private readOnObserve = false;

  constructor(
    private readonly feed: UpdateFeedClient,
    private readonly listener: ObservedListener,
  ) {}

  start(): void {
    document.addEventListener('visibilitychange', this.followVisibility);
    this.followVisibility();
  }

  stop(): void {
    document.removeEventListener('visibilitychange', this.followVisibility);
    this.feed.observe([], this.sink);
  }

  private readonly followVisibility = () => {
    const visible = document.visibilityState === 'visible';
    if (!visible) this.readOnObserve = true;
    this.feed.observe(visible ? STREAMS : [], this.sink);
  };

  private readonly sink: ObservedSink = {
    observing: (streams) => {
      if (!streams.length) return;
      this.listener.status('live');
      if (this.readOnObserve) this.listener.resync();
      this.readOnObserve = true;
    },
    event: (event) => {
      const change = changeOf(event);
      if (change) this.listener.change(change);
    },
    lost: () => {
      this.listener.status('offline');
      this.readOnObserve = true;
    },
  };
}

/** The change a StoredEvent tells of, from its stream name `<category>-<id>`. */
export function changeOf(event: unknown): ObservedChange | undefined {
  const { stream, type } = (event ?? {}) as { stream?: unknown; type?: unknown };
  if (typeof stream !== 'string' || typeof type !== 'string') return undefined;
  const dash = stream.indexOf('-');
  const kind = STREAM_KINDS[stream.slice(0, dash) as ObservedStream] as ObservedKind | undefined;
  return dash > 0 && kind ? { kind, id: stream.slice(dash + 1), type } : undefined;
}
