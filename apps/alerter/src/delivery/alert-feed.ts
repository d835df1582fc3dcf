import { Inject, Injectable } from '@nestjs/common';
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
import type { CheckpointStore, EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { CHECKPOINTS, EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { AdmissionFeed } from './admission-feed';
import { admissionOf } from './admission-of';
import { alertAt, type AlertAt } from './alert-at';
import { alerterMeta, appendFirst } from './delivery-append';
import { DeliveryQueue } from './delivery-queue';
const ALERT_EVENTS = new Set(['AlertOpened', 'AlertLevelChanged', 'AlertResolved', 'AlertRaised']);

/**
 * Admission: follows the event store from its checkpoint and decides, once per alert event and
 * alerter, whether it is sent, held or skipped (`DeliveryDecided`, the delivery stream's first
 * event: a replay or a second replica appends nothing). A completed Update that has an outcome
 * (a deploy or build that succeeded or failed) is first stored as an alert raised resolved, and
 * comes back through here as any alert. The first start begins at the head: alerts from
 * before alerters existed are not sent.
 */
@Injectable()
export class AlertFeed extends AdmissionFeed {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINTS) checkpoints: CheckpointStore,
    @Inject(READ_MODEL) readModel: ReadModel,
    private readonly queue: DeliveryQueue,
  ) {
    super(store, checkpoints, readModel, 'alerter-admission');
  }

  protected override wants(event: StoredEvent): boolean {
    return isAlertEvent(event) || isCompletion(event);
  }

  protected async handle(event: StoredEvent): Promise<void> {
    const alertEvent = isAlertEvent(event);
    await this.admitted(event, () => (alertEvent ? this.admit(event) : this.raiseOutcome(event)));
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
    const stored = await appendFirst(this.store, deliveryStream(key, alerterId), decided);
    stored.forEach((e) => this.queue.apply(e));
  }

  /** The Update's outcome alert, stored once under the Update's id. */
  private async raiseOutcome(event: StoredEvent): Promise<void> {
    // A procedure run's Update is its stream's projection, and has the run's id.
    const updateId = event.stream.slice(event.stream.indexOf('-') + 1);
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
    await appendFirst(this.store, alertStream(id), events, alerterMeta(causationId));
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

function isAlertEvent(event: StoredEvent): boolean {
  return event.stream.startsWith('alert-') && ALERT_EVENTS.has(event.type);
}

function isCompletion(event: StoredEvent): boolean {
  if (event.stream.startsWith('update-')) return event.type === 'UpdateCompleted';
  return event.stream.startsWith('procedurerun-') && event.type === 'RunFinished';
}
