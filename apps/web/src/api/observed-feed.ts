import { SseParser } from './sse';
import type { FeedStatus } from './update-feed';

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
  /** Connected again after a gap: changes may have been missed, read again. */
  resync(): void;
  status(status: FeedStatus): void;
}

/** The stream categories polling writes, and what each one's id names. */
const STREAM_KINDS: Record<string, ObservedKind> = {
  serverstatus: 'Server',
  deploymentstatus: 'Deployment',
  stackstatus: 'Stack',
  alert: 'Alert',
};

const MAX_RETRY_MS = 30_000;

/**
 * `GET /events?after=now&streams=…`: the observed states polling records as events, which
 * `/ws/update` does not carry. Read with `fetch`, since an EventSource cannot send the token
 * header. It starts from now, so a connection opened again (waiting longer after each failure)
 * asks pages to read again. The first one does not: the pages' first reads are in flight, and
 * reading again would drop their answers and delay the first render. A hidden tab closes its
 * connection and opens it again when shown: a browser allows few HTTP/1.1 connections per host
 * across all tabs, and one held by each tab in the background would starve the others.
 */
export class ObservedFeedClient {
  private controller?: AbortController;
  private failures = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  /** Whether pages read before this connection, so should read again once it is open. */
  private readOnConnect = false;

  constructor(
    private readonly jwt: string,
    private readonly listener: ObservedListener,
  ) {}

  start(): void {
    this.stopped = false;
    document.addEventListener('visibilitychange', this.followVisibility);
    if (document.visibilityState === 'visible') void this.connect();
    else this.readOnConnect = true;
  }

  stop(): void {
    this.stopped = true;
    document.removeEventListener('visibilitychange', this.followVisibility);
    this.disconnect();
  }

  private readonly followVisibility = () => {
    if (document.visibilityState === 'hidden') this.disconnect();
    else if (!this.controller) void this.connect();
  };

  private disconnect(): void {
    clearTimeout(this.timer);
    const controller = this.controller;
    this.controller = undefined;
    controller?.abort();
  }

  private async connect(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.listener.status('connecting');
    try {
      const streams = Object.keys(STREAM_KINDS).join(',');
      const response = await fetch(`/events?after=now&streams=${streams}`, {
        headers: { authorization: this.jwt },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`/events answered ${response.status}`);
      await this.read(response.body);
    } catch {
      // Refused, unreachable or cut off: the retry below is the answer to each.
    }
    if (this.stopped || this.controller !== controller) return;
    this.listener.status('offline');
    const wait = Math.min(MAX_RETRY_MS, 1000 * 2 ** this.failures++);
    this.timer = setTimeout(() => void this.connect(), wait);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    let connected = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      if (!connected) {
        // The gateway's first bytes (`: connected`) say the subscription is open.
        connected = true;
        this.failures = 0;
        this.listener.status('live');
        if (this.readOnConnect) this.listener.resync();
        this.readOnConnect = true;
      }
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        const change = changeOf(message.data);
        if (change) this.listener.change(change);
      }
    }
  }
}

/** The change a StoredEvent's JSON tells of, from its stream name `<category>-<id>`. */
export function changeOf(data: string): ObservedChange | undefined {
  let event: { stream?: unknown; type?: unknown };
  try {
    event = JSON.parse(data) as typeof event;
  } catch {
    return undefined;
  }
  if (typeof event.stream !== 'string' || typeof event.type !== 'string') return undefined;
  const dash = event.stream.indexOf('-');
  const kind = STREAM_KINDS[event.stream.slice(0, dash)];
  return dash > 0 && kind
    ? { kind, id: event.stream.slice(dash + 1), type: event.type }
    : undefined;
}
