import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { hostname } from 'node:os';
import type { MonitorConfig } from '@monitor/config';
import {
  DomainError,
  deliveryDecider,
  evolveDelivery,
  RETRY_POLICY,
  type DeliveryCommand,
  type DeliveryState,
  type DomainEvent,
  type RetryPolicy,
} from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore, type StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { admissionOf } from './admission-of';
import { readAlertAt } from './alert-at';
import { AlertSender } from './alert-sender';
import { AlerterHealthWatch } from './alerter-health-watch';
import { appendAt } from './delivery-append';
import { DeliveryQueue, type QueuedDelivery } from './delivery-queue';
import { failedSend } from './send-outcome';

/**
 * Sends what is due: wakes on each delivery event and at the earliest due time, claims an
 * attempt by appending at the revision it read (a conflict: another process has it), sends,
 * and records the result. Each (alert, alerter) goes in order; a held delivery is decided again
 * when its window ends; an attempt whose process died is failed and claimed again after its
 * lease.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  /** The work under way here, by delivery stream: a stop waits for it to be recorded. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly replica: string;
  private readonly policy: RetryPolicy;
  private timer?: NodeJS.Timeout;
  private passQueued = false;
  private stopped = false;
  private unsubscribe?: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly queue: DeliveryQueue,
    private readonly sender: AlertSender,
    private readonly health: AlerterHealthWatch,
  ) {
    const settings = config.alerter;
    this.replica = settings.replica || `${hostname()}:${process.pid}`;
    this.policy = {
      ...RETRY_POLICY,
      baseMs: settings.retry_base_ms,
      capMs: settings.retry_cap_ms,
      giveUpAfterMs: settings.give_up_after_ms,
    };
  }

  onApplicationBootstrap(): void {
    void this.queue.ready().then(() => {
      if (this.stopped) return;
      this.unsubscribe = this.queue.onChange(() => this.wake());
      this.wake();
    });
  }

  /** Sends under way end (within the send timeout) and their results are recorded. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await Promise.all(this.running.values());
  }

  private get leaseMs(): number {
    return Math.max(this.config.alerter.claim_lease_ms, this.sender.timeoutMs + 1000);
  }

  /** One pass soon, however many events arrive meanwhile. */
  private wake(): void {
    if (this.passQueued || this.stopped) return;
    this.passQueued = true;
    setImmediate(() => {
      this.passQueued = false;
      if (!this.stopped) this.pass();
    });
  }

  private pass(): void {
    const now = Date.now();
    let next = Infinity;
    for (const delivery of this.queue.open()) {
      if (this.stopped || this.running.size >= this.config.alerter.concurrency) return;
      if (this.running.has(delivery.stream)) continue;
      if (!this.readModel.resourceById('Alerter', delivery.alerterId)) continue;
      const due = this.dueAt(delivery);
      if (due === undefined) continue;
      if (due > now) next = Math.min(next, due);
      else this.start(delivery);
    }
    clearTimeout(this.timer);
    if (next !== Infinity) this.timer = setTimeout(() => this.wake(), Math.max(0, next - now));
  }

  /** When the delivery has something to do; undefined when it waits for another. */
  private dueAt({ state, ...delivery }: QueuedDelivery): number | undefined {
    if (state.status === 'Held') return state.heldUntil;
    if (state.status === 'InFlight') return (state.claim?.at ?? 0) + this.leaseMs;
    if (state.status !== 'Pending' || !this.queue.mayAttempt({ state, ...delivery })) return;
    return state.dueAt ?? 0;
  }

  private start(delivery: QueuedDelivery): void {
    const work =
      delivery.state.status === 'Held' ? this.decideAgain(delivery) : this.attempt(delivery);
    this.running.set(
      delivery.stream,
      work
        .catch((error: Error) => this.logger.error(`delivery ${delivery.stream}: ${error.message}`))
        .finally(() => {
          this.running.delete(delivery.stream);
          this.wake();
        }),
    );
  }

  private async attempt(delivery: QueuedDelivery): Promise<void> {
    const { stream } = delivery;
    const read = await this.read(stream);
    const claimed = await this.append(stream, read, {
      type: 'Claim',
      at: Date.now(),
      by: this.replica,
      leaseMs: this.leaseMs,
    });
    if (!claimed) return;
    const attempt = claimed.state.status === 'InFlight' ? claimed.state.attempts : 0;
    const alerter = this.readModel.resourceById('Alerter', delivery.alerterId);
    const at = await readAlertAt(this.store, delivery.alertId, delivery.alertRevision);
    const result =
      alerter && at
        ? await this.sender.send(alerter, at.alert, stream)
        : { ok: false, error: alerter ? 'the alert is gone' : 'the alerter is gone' };
    const command: DeliveryCommand = result.ok
      ? {
          type: 'Deliver',
          attempt,
          at: Date.now(),
          status: result.status ?? (alerter?.config.endpoint.type === 'Email' ? 250 : 200),
        }
      : {
          type: 'Fail',
          attempt,
          at: Date.now(),
          ...failedSend(result),
          random: Math.random,
          policy: this.policy,
        };
    if (await this.append(stream, claimed, command)) await this.health.observe(delivery.alerterId);
  }

  /** A held delivery when its window ends: the alert as it is now decides. */
  private async decideAgain(delivery: QueuedDelivery): Promise<void> {
    const alerter = this.readModel.resourceById('Alerter', delivery.alerterId);
    const at = await readAlertAt(this.store, delivery.alertId, delivery.alertRevision);
    if (!alerter || !at || delivery.state.status !== 'Held') return;
    const now = Date.now();
    const { alert_event_key, alert_type, level, target } = delivery.state;
    await this.append(delivery.stream, await this.read(delivery.stream), {
      type: 'Decide',
      at: now,
      alert_event_key,
      alerter_id: alerter.id,
      alert_type,
      level,
      target,
      ...admissionOf(this.readModel, alerter, at, now),
    });
  }

  private async read(stream: string): Promise<{ state: DeliveryState; revision: number }> {
    const events = await this.store.readStream(stream);
    return {
      state: events.reduce(evolveDelivery, { status: 'Empty' } as DeliveryState),
      revision: events.length - 1,
    };
  }

  /**
   * Decides and appends at the revision read; undefined when another process moved first (the
   * decider refuses, or the store does).
   */
  private async append(
    stream: string,
    read: { state: DeliveryState; revision: number },
    command: DeliveryCommand,
  ): Promise<{ state: DeliveryState; revision: number } | undefined> {
    let events: DomainEvent[];
    try {
      events = deliveryDecider.decide(read.state, command);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') return undefined;
      throw error;
    }
    if (!events.length) return read;
    let stored: StoredEvent[];
    try {
      stored = await appendAt(this.store, stream, events, read.revision);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      this.logger.warn(`${stream}: ${command.type} lost to another process`);
      return undefined;
    }
    stored.forEach((e) => this.queue.apply(e));
    return {
      state: stored.reduce(evolveDelivery, read.state),
      revision: read.revision + stored.length,
    };
  }
}
