import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  alertDecider,
  alertEventKey,
  alertStream,
  deliveryDecider,
  deliveryStream,
  outcomeAlert,
  type Alert,
  type OutcomeSubject,
} from '@monitor/domain';
import {
  WrongExpectedRevisionError,
  type CheckpointStore,
  type EventStore,
  type StoredEvent,
} from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { CHECKPOINTS, CheckpointFeed, EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { admissionOf } from './admission-of';
import { alertAt, type AlertAt } from './alert-at';
import { alerterMeta, appendAt } from './delivery-append';
import { DeliveryQueue } from './delivery-queue';
import { tryAgain } from './try-again';

/** Where admission has read the log up to. */
const CHECKPOINT = 'alerter-admission';
/** Tries of a failing admission, the waits between them doubling from the first. */
const ADMISSION_TRIES = 5;
const ADMISSION_RETRY_MS = 1_000;
const ALERT_EVENTS = new Set(['AlertOpened', 'AlertLevelChanged', 'AlertResolved', 'AlertRaised']);

/**
 * Admission: follows the event store from its checkpoint and decides, once per alert event and
 * alerter, whether it is sent, held or skipped (`DeliveryDecided`, the delivery stream's first
 * event: a replay or a second replica appends nothing). A completed Update that has an outcome
 * (a deploy or build that succeeded or failed) is first stored as an alert raised resolved, and
 * comes back through here as any alert.
 */
@Injectable()
export class AlertFeed extends CheckpointFeed {
  private readonly logger = new Logger(AlertFeed.name);
  /** Cuts a wait between tries short when the service stops. */
  private readonly stopping = new AbortController();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINTS) checkpoints: CheckpointStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly queue: DeliveryQueue,
  ) {
    // The first start begins at the head: alerts from before alerters existed are not sent.
    super(store, checkpoints, CHECKPOINT);
  }

  override async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await super.onApplicationShutdown();
  }

  protected async handle(event: StoredEvent): Promise<void> {
    const alertEvent = event.stream.startsWith('alert-') && ALERT_EVENTS.has(event.type);
    const completed = event.stream.startsWith('update-') && event.type === 'UpdateCompleted';
    if (!alertEvent && !completed) return;
    // Deciding is idempotent, so a failure (the read model behind, the store away a moment) is
    // tried again before the event is given up: an alert is not lost to a passing fault.
    await tryAgain(
      async () => {
        await this.readModel.waitFor(event.position);
        if (alertEvent) await this.admit(event);
        else await this.raiseOutcome(event);
      },
      { tries: ADMISSION_TRIES, firstWaitMs: ADMISSION_RETRY_MS, signal: this.stopping.signal },
      (error, tried, last) => {
        const why = `admission of ${event.type} in ${event.stream} failed (try ${tried} of ${ADMISSION_TRIES}): ${(error as Error).message}`;
        if (last) this.logger.error(`${why}; given up`);
        else this.logger.warn(why);
      },
    );
    await this.checkpoints.save(CHECKPOINT, event.position);
  }

  /** One DeliveryDecided per alerter for this alert event. */
  private async admit(event: StoredEvent): Promise<void> {
    const alertId = event.stream.slice('alert-'.length);
    const events = await this.store.readStream(event.stream);
    const at = alertAt(events, event.revision);
    if (!at) return;
    const key = alertEventKey(alertId, event.revision);
    const now = Date.now();
    await Promise.all(
      this.readModel.list('Alerter').map((alerter) => this.decide(key, alerter.id, at, now)),
    );
  }

  private async decide(key: string, alerterId: string, at: AlertAt, now: number): Promise<void> {
    const alerter = this.readModel.resourceById('Alerter', alerterId);
    if (!alerter) return;
    const { alert } = at;
    const decided = deliveryDecider.decide(
      { status: 'Empty' },
      {
        type: 'Decide',
        at: now,
        alert_event_key: key,
        alerter_id: alerterId,
        alert_type: alert.data.type,
        level: alert.level,
        target: alert.target,
        ...admissionOf(this.readModel, alerter, { ...at, resolvedSince: false }, now),
      },
    );
    try {
      const stored = await appendAt(
        this.store,
        deliveryStream(key, alerterId),
        decided,
        'no_stream',
      );
      stored.forEach((e) => this.queue.apply(e));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }

  /** The Update's outcome alert, stored once under the Update's id. */
  private async raiseOutcome(event: StoredEvent): Promise<void> {
    const updateId = event.stream.slice('update-'.length);
    const execution = this.readModel.executions.execution(updateId);
    if (!execution) return;
    const alert = outcomeAlert(execution, this.subjectOf(execution.target));
    if (!alert) return;
    await this.raise(alert, event.id);
  }

  /** Stores a one-off alert (resolved at once); a second call for the same id does nothing. */
  private async raise(alert: Alert, causationId: string): Promise<void> {
    const { id, level, target, data, ts } = alert;
    const events = alertDecider.decide(
      { status: 'Empty' },
      { type: 'Raise', id, level, target, data, ts },
    );
    try {
      await appendAt(this.store, alertStream(id), events, 'no_stream', alerterMeta(causationId));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }

  private subjectOf(target: { type: string; id: string }): OutcomeSubject {
    if (target.type === 'Deployment' || target.type === 'Stack') {
      const resource = this.readModel.resourceById(target.type, target.id);
      const server = resource?.config.server_id
        ? this.readModel.resourceById('Server', resource.config.server_id)
        : undefined;
      return {
        name: resource?.name ?? target.id,
        ...(server ? { server_id: server.id, server_name: server.name } : {}),
      };
    }
    const kind = target.type as 'Build' | 'Repo' | 'Procedure' | 'Action';
    return { name: this.readModel.resourceById(kind, target.id)?.name ?? target.id };
  }
}
