import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  alertDecider,
  alerterHealthDecider,
  alerterHealthStream,
  alertStream,
  foldAlerterHealth,
  initialAlerterHealth,
  type AlerterHealthFold,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, newId } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { alerterMeta } from './delivery-append';
import { DeliveryQueue } from './delivery-queue';

/**
 * Each alerter's health, folded from its delivery events (5 failed attempts in a row: Failing;
 * a delivery: Ok again). A change is recorded once (`AlerterHealthChanged`); the process that
 * records it opens an `AlerterFailing` alert for the other alerters, or resolves it.
 */
@Injectable()
export class AlerterHealthWatch {
  private readonly logger = new Logger(AlerterHealthWatch.name);
  private readonly folds = new Map<string, AlerterHealthFold>();
  private readonly lastErrors = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    queue: DeliveryQueue,
  ) {
    // Registered before the queue folds anything, so every event counts, in the order folded.
    queue.onChange((delivery, event) => {
      const fold = this.folds.get(delivery.alerterId) ?? initialAlerterHealth();
      this.folds.set(delivery.alerterId, foldAlerterHealth(fold, event));
      if (event.type === 'DeliveryAttemptFailed') {
        this.lastErrors.set(delivery.alerterId, (event.data as { error: string }).error);
      }
    });
  }

  health(alerterId: string): AlerterHealthFold {
    return this.folds.get(alerterId) ?? initialAlerterHealth();
  }

  /** Records the alerter's health if it changed, and tells the other alerters. */
  async observe(alerterId: string): Promise<void> {
    try {
      const { events } = await handleCommand(
        this.store,
        alerterHealthStream(alerterId),
        alerterHealthDecider,
        { type: 'Observe', observed: this.health(alerterId), at: Date.now() },
        alerterMeta(),
      );
      for (const event of events) {
        const { to, failures_in_a_row } = event.data as { to: string; failures_in_a_row: number };
        if (to === 'Failing') await this.openFailing(alerterId, failures_in_a_row);
        else await this.resolveFailing(alerterId);
      }
    } catch (error) {
      this.logger.error(`health of alerter ${alerterId}: ${(error as Error).message}`);
    }
  }

  private async openFailing(alerterId: string, failures: number): Promise<void> {
    const name = this.readModel.resourceById('Alerter', alerterId)?.name ?? alerterId;
    const error = this.lastErrors.get(alerterId);
    const id = newId();
    await handleCommand(
      this.store,
      alertStream(id),
      alertDecider,
      {
        type: 'Open',
        id,
        level: 'CRITICAL',
        target: { type: 'Alerter', id: alerterId },
        data: {
          type: 'AlerterFailing',
          data: { id: alerterId, name, failures_in_a_row: failures, ...(error ? { error } : {}) },
        },
        ts: Date.now(),
      },
      alerterMeta(),
    );
  }

  private async resolveFailing(alerterId: string): Promise<void> {
    const open = this.readModel.alerts
      .openFor('Alerter', alerterId)
      .filter((a) => a.data.type === 'AlerterFailing');
    for (const alert of open) {
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
