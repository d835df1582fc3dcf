import { BoundedQueue } from './bounded-queue';
import type { FeedEnd, FeedSink, Positioned } from './feed-message';
import type { LiveTail } from './live-tail';

/** Where a feed's messages come from: pages of the past, then a shared live tail. */
export interface FeedSource<T> {
  /** Up to `limit` messages after the position, in position order. */
  read(after: number, limit: number): Promise<readonly Positioned<T>[]>;
  readonly tail: LiveTail<T>;
}

export interface FeedOptions<T, P> {
  source: FeedSource<T>;
  /** Start after this position. */
  from: number;
  sink: FeedSink<T>;
  /** The client's filter (no permission check: that is `visible`, at delivery). */
  wants(item: T): boolean;
  /** Who the client is now, or undefined once its login was revoked or expired. */
  signedIn(): P | undefined;
  /** What of the item the principal may receive (masked), or undefined when nothing. */
  visible(principal: P, item: T): T | undefined;
  /** Messages held for a client that has not taken them (`limits.feed_buffer`). */
  buffer: number;
  pageSize: number;
  heartbeatMs: number;
  onClose(): void;
}

/**
 * One client's feed: replays the past a page at a time, each message written only once the
 * client took the last (a replay holds one page), then follows the shared live tail through a
 * bounded queue. A client that falls `buffer` messages behind the live tail is dropped with the
 * reason; it resumes from the last position it got. At-least-once: a resume may repeat nothing
 * it got, and misses nothing after it.
 */
export class FeedSubscription<T, P> {
  /** The position of the last message handed to the sink (or passed over). */
  private position: number;
  /** The position of the last message queued from the tail: later duplicates are skipped. */
  private queuedTo: number;
  private live = false;
  private closed = false;
  private pumping = false;
  private readonly queue: BoundedQueue<Positioned<T>>;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly listener = (message: Positioned<T>) => this.onLive(message);

  constructor(private readonly options: FeedOptions<T, P>) {
    this.position = options.from;
    this.queuedTo = options.from;
    this.queue = new BoundedQueue(options.buffer);
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    options.source.tail.add(this.listener);
    void this.replay().catch((error: unknown) =>
      this.end('FAILED', `the feed failed: ${(error as Error).message}`),
    );
  }

  /** The client went away (or the server stops): release everything. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.options.source.tail.remove(this.listener);
    this.queue.clear();
    this.options.onClose();
  }

  private async replay(): Promise<void> {
    const { source, pageSize } = this.options;
    for (;;) {
      const page = await source.read(this.position, pageSize);
      if (this.closed) return;
      for (const message of page) {
        if (!(await this.deliver(message))) return;
      }
      // Checked with no await since: every message after the tail's position is yet to come.
      if (page.length < pageSize && this.position >= source.tail.lastPosition) {
        this.live = true;
        this.queuedTo = this.position;
        return;
      }
    }
  }

  private onLive(message: Positioned<T>): void {
    if (!this.live || this.closed || message.position <= this.queuedTo) return;
    if (!this.options.wants(message.item)) return;
    if (!this.queue.push(message)) {
      this.end(
        'DROPPED',
        `the client read too slowly: ${this.queue.capacity} messages waited for it ` +
          `(limits.feed_buffer); resume after the last position it got`,
      );
      return;
    }
    this.queuedTo = message.position;
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      let next: Positioned<T> | undefined;
      while (!this.closed && (next = this.queue.shift())) {
        if (!(await this.deliver(next))) return;
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Hands one message to the client if it wants and may see it; false once the feed ended. */
  private async deliver(message: Positioned<T>): Promise<boolean> {
    if (this.closed) return false;
    if (message.position <= this.position) return true;
    const { sink, wants, visible } = this.options;
    if (wants(message.item)) {
      const principal = this.options.signedIn();
      if (!principal) {
        this.end('SIGNED_OUT', 'login token revoked or expired; log in again');
        return false;
      }
      const shown = visible(principal, message.item);
      this.position = message.position;
      if (shown !== undefined && !sink.send({ position: message.position, item: shown })) {
        await sink.drained();
      }
    } else {
      this.position = message.position;
    }
    return !this.closed;
  }

  private beat(): void {
    if (this.options.signedIn()) this.options.sink.heartbeat();
    else this.end('SIGNED_OUT', 'login token revoked or expired; log in again');
  }

  private end(code: FeedEnd['code'], reason: string): void {
    if (this.closed) return;
    const after = this.position;
    this.close();
    this.options.sink.end({ code, reason, after });
  }
}
