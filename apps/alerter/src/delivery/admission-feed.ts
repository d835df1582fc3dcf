import { Logger } from '@nestjs/common';
import type { CheckpointStore, EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { CheckpointFeed } from '@monitor/runtime';
import { tryAgain } from './try-again';

/** Tries of a failing admission, the waits between them doubling from the first. */
const ADMISSION_TRIES = 5;
const ADMISSION_RETRY_MS = 1_000;

/**
 * A delivery family's admission (alerts to alerters, events to webhooks): follows the store from
 * its checkpoint and decides deliveries once the read model has the event. Deciding is
 * idempotent, so a failure (the read model behind, the store away a moment) is tried again
 * before the event is given up: nothing is lost to a passing fault.
 */
export abstract class AdmissionFeed extends CheckpointFeed {
  protected readonly logger = new Logger(this.constructor.name);
  /** Cuts a wait between tries short when the service stops. */
  private readonly stopping = new AbortController();

  protected constructor(
    store: EventStore,
    checkpoints: CheckpointStore,
    protected readonly readModel: ReadModel,
    /** The checkpoint's name, which also names the admission in the logs. */
    private readonly admission: string,
  ) {
    // The first start begins at the head: nothing from before is sent.
    super(store, checkpoints, admission);
  }

  override async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await super.onApplicationShutdown();
  }

  /** Runs `admit` once the read model has the event, tried again on failure; then moves on. */
  protected async admitted(event: StoredEvent, admit: () => Promise<void>): Promise<void> {
    await tryAgain(
      async () => {
        await this.readModel.waitFor(event.position);
        await admit();
      },
      { tries: ADMISSION_TRIES, firstWaitMs: ADMISSION_RETRY_MS, signal: this.stopping.signal },
      (error, tried, last) => {
        const why = `${this.admission} of ${event.type} in ${event.stream} failed (try ${tried} of ${ADMISSION_TRIES}): ${(error as Error).message}`;
        if (last) this.logger.error(`${why}; given up`);
        else this.logger.warn(why);
      },
    );
    await this.passed(event);
  }

  /** Saves that the feed is past the event. */
  protected passed(event: StoredEvent): Promise<void> {
    return this.checkpoints.save(this.admission, event.position);
  }
}
