import type { EventHandler, StoredEvent, Subscription } from './port';

/** Reads a page of events after a position: `EventStore.readAll` of the adapter being followed. */
export type PageReader = (afterPosition: number, limit: number) => Promise<StoredEvent[]>;

/**
 * A subscription for stores that can be read in pages and know when they were written to
 * (memory, sqlite): it reads pages from its position, awaits the handler for each event, and
 * when it reaches the end sleeps until `wake()`. History and live events take the same path, so
 * there is no hand-over between them where an event could be missed or delivered twice.
 *
 * If the handler throws, delivery stops at that event (it is not skipped) and `close()` rejects
 * with the error.
 */
export class CatchUpSubscription implements Subscription {
  private closed = false;
  private woken = false;
  private sleeper: (() => void) | undefined;
  private readonly done: Promise<void>;
  private failure: unknown;

  constructor(
    private readonly readPage: PageReader,
    private position: number,
    private readonly handler: EventHandler,
    private readonly pageSize: number,
    private readonly onClose: (subscription: CatchUpSubscription) => void,
  ) {
    this.done = this.run().catch((error: unknown) => {
      this.failure = error;
      this.closed = true;
      this.onClose(this);
    });
  }

  /** Something was appended: read on. Safe to call at any time, from anywhere. */
  wake(): void {
    this.woken = true;
    this.sleeper?.();
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.onClose(this);
      this.sleeper?.();
    }
    await this.done;
    if (this.failure !== undefined) throw this.failure;
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      // Cleared before reading, so a write that lands during the read is not slept through.
      this.woken = false;
      const page = await this.readPage(this.position, this.pageSize);
      for (const event of page) {
        if (this.closed) return;
        // A handler that answers at once is not awaited: no microtask turn per event for it.
        const handled = this.handler(event);
        if (handled) await handled;
        this.position = event.position;
      }
      if (page.length < this.pageSize) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.woken || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.sleeper = () => {
        this.sleeper = undefined;
        resolve();
      };
    });
  }
}
