import type { UpdateListItem } from './types';

export type FeedStatus = 'connecting' | 'live' | 'offline';

export interface FeedListener {
  update(update: UpdateListItem): void;
  /** Logged in again after a gap: Updates may have been missed, read again. */
  resync(): void;
  status(status: FeedStatus): void;
}

const MAX_RETRY_MS = 30_000;

/**
 * `/ws/update`, Komodo's protocol: log in with the token as the first message, wait for
 * `LOGGED_IN`, then each message is an UpdateListItem. A dropped connection is opened again,
 * waiting longer after each failure.
 */
export class UpdateFeedClient {
  private socket?: WebSocket;
  private failures = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  private everLoggedIn = false;

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

  private connect(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws/update`);
    this.socket = socket;
    this.listener.status('connecting');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'Jwt', params: { jwt: this.jwt } }));
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.listener.status('offline');
      const wait = Math.min(MAX_RETRY_MS, 1000 * 2 ** this.failures++);
      this.timer = setTimeout(() => this.connect(), wait);
    };
  }

  private receive(text: string): void {
    if (text === 'LOGGED_IN') {
      this.failures = 0;
      this.listener.status('live');
      if (this.everLoggedIn) this.listener.resync();
      this.everLoggedIn = true;
      return;
    }
    let update: UpdateListItem;
    try {
      update = JSON.parse(text) as UpdateListItem;
    } catch {
      // Not an Update: the protocol has nothing else to say to us, so there is nothing to do.
      return;
    }
    this.listener.update(update);
  }
}
