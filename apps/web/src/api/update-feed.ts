import type { ObservedStream, UpdateListItem } from '@monitor/contracts';

export type FeedStatus = 'connecting' | 'live' | 'offline';

export interface FeedListener {
  update(update: UpdateListItem): void;
  /** Logged in again after a gap: Updates may have been missed, read again. */
  resync(): void;
  status(status: FeedStatus): void;
}

/** Who hears of the observed changes the socket was asked for (ObservedFeedClient). */
export interface ObservedSink {
  /** The gateway now sends these categories (none: it stopped). */
  observing(streams: ObservedStream[]): void;
  event(event: unknown): void;
  /** The socket is gone: nothing is observed until it is back and asked again. */
  lost(): void;
}

const MAX_RETRY_MS = 30_000;

/**
 * `/ws/update`, Komodo's protocol: log in with the token as the first message, wait for
 * `LOGGED_IN`, then each message is an UpdateListItem. Monitor's extension rides on the same
 * socket: an `Observe` message asks for observed changes, answered `Observing` and then
 * `Observed` messages (no second connection per tab). A dropped connection is opened again,
 * waiting longer after each failure, and asked again for what it observed.
 */
export class UpdateFeedClient {
  private socket?: WebSocket;
  private failures = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  private everLoggedIn = false;
  private loggedIn = false;
  private streams: ObservedStream[] = [];
  private sink?: ObservedSink;

  constructor(
    private readonly jwt: string,
    private readonly listener: FeedListener,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket?.close(1000, 'signed out');
  }

  /** From now on (and after each reconnection) hear of these observed changes. */
  observe(streams: ObservedStream[], sink: ObservedSink): void {
    this.streams = streams;
    this.sink = sink;
    if (this.loggedIn) this.askToObserve();
  }

  private askToObserve(): void {
    this.socket?.send(JSON.stringify({ type: 'Observe', params: { streams: this.streams } }));
  }

  private connect(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws/update`);
    this.socket = socket;
    this.listener.status('connecting');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'Jwt', params: { jwt: this.jwt } }));
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.loggedIn = false;
      this.sink?.lost();
      if (this.stopped) return;
      this.listener.status('offline');
      const wait = Math.min(MAX_RETRY_MS, 1000 * 2 ** this.failures++);
      this.timer = setTimeout(() => this.connect(), wait);
    };
  }

  private receive(text: string): void {
    if (text === 'LOGGED_IN') {
      this.failures = 0;
      this.loggedIn = true;
      this.listener.status('live');
      if (this.everLoggedIn) this.listener.resync();
      this.everLoggedIn = true;
      if (this.streams.length) this.askToObserve();
      return;
    }
    let message: { type?: unknown; [field: string]: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      // Neither an Update nor ours: the protocol has nothing else to say, nothing to do.
      return;
    }
    if (message.type === 'Observed') this.sink?.event(message.event);
    else if (message.type === 'Observing')
      this.sink?.observing(message.streams as ObservedStream[]);
    else if (message.type === 'Error') {
      this.sink?.lost();
      throw new Error(`/ws/update refused an Observe message: ${String(message.error)}`);
    } else this.listener.update(message as unknown as UpdateListItem);
  }
}
