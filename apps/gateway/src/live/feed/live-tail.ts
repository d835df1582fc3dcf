import type { Positioned } from './feed-message';

/** Starts following a source from now; answers where it started and how to stop. */
export type Follow<T> = (deliver: (message: Positioned<T>) => void) => {
  start: number;
  stop: () => void;
};

/**
 * One live subscription to a source (the store's log, the read model's Updates) shared by
 * every feed of the gateway: opened when the first feed comes, closed when the last goes.
 * Delivery to a feed is a push onto its bounded queue, never awaited, so one slow client never
 * holds back the others.
 */
export class LiveTail<T> {
  /** Every message after this position is still to be delivered to the listeners. */
  lastPosition = 0;
  private readonly listeners = new Set<(message: Positioned<T>) => void>();
  private stop?: () => void;

  constructor(private readonly follow: Follow<T>) {}

  add(listener: (message: Positioned<T>) => void): void {
    this.listeners.add(listener);
    if (this.stop) return;
    const { start, stop } = this.follow((message) => this.dispatch(message));
    this.lastPosition = start;
    this.stop = stop;
  }

  remove(listener: (message: Positioned<T>) => void): void {
    this.listeners.delete(listener);
    if (this.listeners.size || !this.stop) return;
    this.stop();
    this.stop = undefined;
  }

  get size(): number {
    return this.listeners.size;
  }

  private dispatch(message: Positioned<T>): void {
    this.lastPosition = Math.max(this.lastPosition, message.position);
    for (const listener of this.listeners) listener(message);
  }
}
