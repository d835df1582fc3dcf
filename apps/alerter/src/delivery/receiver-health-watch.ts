import { Logger } from '@nestjs/common';
import {
  alertDecider,
  alerterHealthDecider,
  alertStream,
  foldAlerterHealth,
  initialAlerterHealth,
  type Alert,
  type AlerterHealthFold,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { handleCommand, newId } from '@monitor/resources';
import { alerterMeta } from './delivery-append';
import type { DeliveryLedger } from './delivery-ledger';

/** The alert that says a receiver is failing: what it is about, and its data. */
export type FailingAlert = Pick<Alert, 'target' | 'data'>;

/**
 * Each receiver's health (an alerter, a webhook subscription), folded from its delivery events
 * (5 failed attempts in a row: Failing; a delivery: Ok again). A change is recorded once, in
 * the receiver's health stream; the process that records it opens the family's alert for the
 * alerters (`failingAlert`), or resolves the ones open (`openFailing`).
 */
export abstract class ReceiverHealthWatch<R, S> {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly folds = new Map<string, AlerterHealthFold>();
  private readonly lastErrors = new Map<string, string>();

  protected constructor(
    protected readonly store: EventStore,
    ledger: DeliveryLedger<R, S>,
    private readonly receiverOf: (delivery: R) => string,
  ) {
    // Registered before the ledger folds anything, so every event counts, in the order folded.
    ledger.onChange((delivery, event) => {
      const receiver = receiverOf(delivery);
      const fold = this.folds.get(receiver) ?? initialAlerterHealth();
      this.folds.set(receiver, foldAlerterHealth(fold, event));
      if (event.type === 'DeliveryAttemptFailed') {
        this.lastErrors.set(receiver, (event.data as { error: string }).error);
      }
    });
  }

  /** The receiver's own record of its health changes. */
  protected abstract healthStream(receiver: string): string;

  /** The alert opened when the receiver turns Failing. */
  protected abstract failingAlert(receiver: string, failures: number, error?: string): FailingAlert;

  /** The alerts open that say the receiver is failing. */
  protected abstract openFailing(receiver: string): Alert[];

  health(receiver: string): AlerterHealthFold {
    return this.folds.get(receiver) ?? initialAlerterHealth();
  }

  /** Records the receiver's health if it changed, and tells the alerters. */
  async observe(receiver: string): Promise<void> {
    try {
      const { events } = await handleCommand(
        this.store,
        this.healthStream(receiver),
        alerterHealthDecider,
        { type: 'Observe', observed: this.health(receiver), at: Date.now() },
        alerterMeta(),
      );
      for (const event of events) {
        const { to, failures_in_a_row } = event.data as { to: string; failures_in_a_row: number };
        if (to === 'Failing') await this.open(receiver, failures_in_a_row);
        else await this.resolve(receiver);
      }
    } catch (error) {
      this.logger.error(`health of ${receiver}: ${(error as Error).message}`);
    }
  }

  private async open(receiver: string, failures: number): Promise<void> {
    const id = newId();
    const { target, data } = this.failingAlert(receiver, failures, this.lastErrors.get(receiver));
    await handleCommand(
      this.store,
      alertStream(id),
      alertDecider,
      { type: 'Open', id, level: 'CRITICAL', target, data, ts: Date.now() },
      alerterMeta(),
    );
  }

  private async resolve(receiver: string): Promise<void> {
    for (const alert of this.openFailing(receiver)) {
      await handleCommand(
        this.store,
        alertStream(alert.id),
        alertDecider,
        { type: 'Resolve', ts: Date.now() },
        alerterMeta(),
      );
    }
  }
}
