import { Logger } from '@nestjs/common';
import {
  alertDecider,
  alerterHealthDecider,
  alertStream,
  foldAlerterHealth,
  initialAlerterHealth,
  type AlerterHealthFold,
  type AlertTarget,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, newId } from '@monitor/resources';
import { alerterMeta } from './delivery-append';
import type { DeliveryLedger } from './delivery-ledger';

/** The alert types that say a receiver is failing; each carries the same data. */
type FailingType = 'AlerterFailing' | 'EventSubscriptionFailing';

/**
 * Each receiver's health (an alerter, a webhook subscription), folded from its delivery events
 * (5 failed attempts in a row: Failing; a delivery: Ok again). A change is recorded once, in
 * the receiver's health stream; the process that records it opens the family's alert
 * (`failingType` about `failingTarget`) for the alerters, or resolves the ones open.
 */
export abstract class ReceiverHealthWatch<R, S> {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly folds = new Map<string, AlerterHealthFold>();
  private readonly lastErrors = new Map<string, string>();

  protected constructor(
    protected readonly store: EventStore,
    protected readonly readModel: ReadModel,
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

  /** The type of the alert opened when a receiver turns Failing. */
  protected abstract readonly failingType: FailingType;

  /** What the failing alert is about. */
  protected abstract failingTarget(receiver: string): AlertTarget;

  /** The receiver's name as the alert shows it, if it still has one. */
  protected abstract nameOf(receiver: string): string | undefined;

  health(receiver: string): AlerterHealthFold {
    return this.folds.get(receiver) ?? initialAlerterHealth();
  }

  /** After an attempt of the delivery was recorded: its receiver's health. */
  observeDelivery(delivery: R): Promise<void> {
    return this.observe(this.receiverOf(delivery));
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
    const error = this.lastErrors.get(receiver);
    const target = this.failingTarget(receiver);
    const name = this.nameOf(receiver) ?? receiver;
    const data = {
      type: this.failingType,
      data: { id: receiver, name, failures_in_a_row: failures, ...(error ? { error } : {}) },
    };
    await handleCommand(
      this.store,
      alertStream(id),
      alertDecider,
      { type: 'Open', id, level: 'CRITICAL', target, data, ts: Date.now() },
      alerterMeta(),
    );
  }

  private async resolve(receiver: string): Promise<void> {
    const { type, id } = this.failingTarget(receiver);
    const open = this.readModel.alerts.openFor(type, id);
    for (const alert of open.filter((a) => a.data.type === this.failingType)) {
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
