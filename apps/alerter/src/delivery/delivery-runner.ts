import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import type { MonitorConfig } from '@monitor/config';
import {
  DomainError,
  RETRY_POLICY,
  type DeliveryCommand,
  type DeliveryEvent,
  type DeliveryState,
  type DomainEvent,
  type RetryPolicy,
} from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore, type StoredEvent } from '@monitor/eventstore';
import { appendAt } from './delivery-append';
import type { DeliveryLedger, LedgerEntry } from './delivery-ledger';
import type { ReceiverHealthWatch } from './receiver-health-watch';
import type { FailedSend } from './send-outcome';

/** A family's decider: the one delivery decider, typed to what the family delivers. */
export interface DeliveryDecider<S> {
  evolve(state: DeliveryState<S>, event: DeliveryEvent<S> | DomainEvent): DeliveryState<S>;
  decide(state: DeliveryState<S>, command: DeliveryCommand<S>): DeliveryEvent<S>[];
}

/** A send's result as the decider records it. */
export type SendVerdict = { ok: true; status: number } | ({ ok: false } & FailedSend);

export interface Read<S> {
  state: DeliveryState<S>;
  revision: number;
}

/**
 * Sends what is due, for one family of deliveries: wakes on each delivery event and at the
 * earliest due time, claims an attempt by appending at the revision it read (a conflict:
 * another process has it), sends, and records the result. Each group goes in order; an attempt
 * whose process died is failed and claimed again after its lease. What is sent, and to whom, is
 * the family's (`send`); the retry policy, claims and order are shared.
 */
export abstract class DeliveryRunner<R, S>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  protected readonly logger = new Logger(this.constructor.name);
  /** The work under way here, by delivery stream: a stop waits for it to be recorded. */
  private readonly running = new Map<string, Promise<void>>();
  protected readonly replica: string;
  private readonly policy: RetryPolicy;
  private timer?: NodeJS.Timeout;
  private passQueued = false;
  private stopped = false;
  private unsubscribe?: () => void;

  protected constructor(
    protected readonly store: EventStore,
    protected readonly config: MonitorConfig,
    private readonly ledger: DeliveryLedger<R, S>,
    private readonly decider: DeliveryDecider<S>,
    /** The family's sender: an attempt claimed longer ago than its timeout was left by a dead one. */
    private readonly timing: { readonly timeoutMs: number },
    /** Hears of each attempt's recorded result. */
    private readonly health: ReceiverHealthWatch<R, S>,
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

  /** Whether the delivery's receiver still exists (an alerter, a subscription): else it waits. */
  protected abstract isLive(delivery: LedgerEntry<R, S>): boolean;

  /** One attempt's send, never throwing: its result as the decider records it. */
  protected abstract send(delivery: LedgerEntry<R, S>, attempt: number): Promise<SendVerdict>;

  /** A held delivery once its hold ends: decided again. */
  protected decideAgain(_delivery: LedgerEntry<R, S>): Promise<void> {
    return Promise.resolve();
  }

  onApplicationBootstrap(): void {
    void this.ledger.ready().then(() => {
      if (this.stopped) return;
      this.unsubscribe = this.ledger.onChange(() => this.wake());
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
    return Math.max(this.config.alerter.claim_lease_ms, this.timing.timeoutMs + 1000);
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
    for (const delivery of this.ledger.open()) {
      if (this.stopped || this.running.size >= this.config.alerter.concurrency) return;
      if (this.running.has(delivery.stream)) continue;
      if (!this.isLive(delivery)) continue;
      const due = this.dueAt(delivery);
      if (due === undefined) continue;
      if (due > now) next = Math.min(next, due);
      else this.start(delivery);
    }
    clearTimeout(this.timer);
    if (next !== Infinity) this.timer = setTimeout(() => this.wake(), Math.max(0, next - now));
  }

  /** When the delivery has something to do; undefined when it waits for another. */
  private dueAt(delivery: LedgerEntry<R, S>): number | undefined {
    const { state } = delivery;
    if (state.status === 'Held') return state.heldUntil;
    if (state.status === 'InFlight') return (state.claim?.at ?? 0) + this.leaseMs;
    if (state.status !== 'Pending' || !this.ledger.mayAttempt(delivery)) return;
    return state.dueAt ?? 0;
  }

  private start(delivery: LedgerEntry<R, S>): void {
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

  private async attempt(delivery: LedgerEntry<R, S>): Promise<void> {
    const { stream } = delivery;
    const claimed = await this.append(stream, await this.read(stream), {
      type: 'Claim',
      at: Date.now(),
      by: this.replica,
      leaseMs: this.leaseMs,
    });
    if (!claimed) return;
    const attempt = claimed.state.status === 'InFlight' ? claimed.state.attempts : 0;
    const result = await this.send(delivery, attempt);
    const { ok: _ok, ...failure } = result;
    const command: DeliveryCommand<S> = result.ok
      ? { type: 'Deliver', attempt, at: Date.now(), status: result.status }
      : {
          type: 'Fail',
          attempt,
          at: Date.now(),
          ...(failure as FailedSend),
          random: Math.random,
          policy: this.policy,
        };
    if (await this.append(stream, claimed, command)) await this.health.observeDelivery(delivery);
  }

  protected async read(stream: string): Promise<Read<S>> {
    const events = await this.store.readStream(stream);
    return {
      state: events.reduce((state, event) => this.decider.evolve(state, event), {
        status: 'Empty',
      } as DeliveryState<S>),
      revision: events.length - 1,
    };
  }

  /**
   * Decides and appends at the revision read; undefined when another process moved first (the
   * decider refuses, or the store does).
   */
  protected async append(
    stream: string,
    read: Read<S>,
    command: DeliveryCommand<S>,
  ): Promise<Read<S> | undefined> {
    let events: DomainEvent[];
    try {
      events = this.decider.decide(read.state, command);
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
    stored.forEach((e) => this.ledger.apply(e));
    return {
      state: stored.reduce((state, event) => this.decider.evolve(state, event), read.state),
      revision: read.revision + stored.length,
    };
  }
}
