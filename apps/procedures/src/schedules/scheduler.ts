import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  isResourceKind,
  type Resource,
  type ScheduleClaim,
  type ScheduledKind,
} from '@monitor/domain';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { newId } from '@monitor/resources';
import { replicaName } from '../replica-name';
import { ClaimBook } from './claim-book';
import { OverdueClaims } from './overdue-claims';
import { ScheduleBook } from './schedule-book';
import { ScheduledRunStarter } from './scheduled-run-starter';
import { dieAfterClaimForTests } from './test-hooks';

/** The kinds with schedules. */
const SCHEDULED_KINDS = ['Procedure', 'Action'].filter(isResourceKind) as ScheduledKind[];

/** How long after a whole second a pass looks: ticks fall on whole seconds. */
const PASS_OFFSET_MS = 5;

/**
 * Runs Procedures and Actions on their schedules, on every replica at once. Each pass (once a
 * second) lists the ticks due since the last one from the read model and claims each in its
 * minute's claim stream (see ClaimBook): the replica whose claim is stored starts the run the
 * claim names; the others watch that claim, and start its run themselves if it has not started
 * once the claimer's grace is over. A replica that starts (or starts again) claims the ticks of
 * the last `catch_up_ms` that nobody claimed, never older.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Scheduler.name);
  private readonly replica: string;
  private readonly book: ScheduleBook;
  private readonly claims: ClaimBook;
  private readonly overdue = new OverdueClaims();
  private readonly starts = new Set<Promise<void>>();
  /** Claims are made one resource at a time, in tick order, on this replica. */
  private readonly queues = new Map<string, Promise<void>>();
  private lastLook?: number;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly starter: ScheduledRunStarter,
  ) {
    this.replica = replicaName(config);
    this.book = new ScheduleBook(config.scheduler.timezone, config.scheduler.catch_up_ms);
    this.claims = new ClaimBook(store);
  }

  onApplicationBootstrap(): void {
    this.wakeAtNextSecond();
  }

  /** No new pass; the claims and starts under way finish. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.starts]);
  }

  private wakeAtNextSecond(): void {
    if (this.stopped) return;
    const wait = 1000 - (Date.now() % 1000) + PASS_OFFSET_MS;
    this.timer = setTimeout(() => {
      this.pass();
      this.wakeAtNextSecond();
    }, wait);
  }

  private pass(): void {
    const now = Date.now();
    const catchUp = this.config.scheduler.catch_up_ms;
    const listed = new Set<string>();
    for (const kind of SCHEDULED_KINDS) {
      for (const resource of this.readModel.list(kind)) {
        listed.add(resource.id);
        for (const tick of this.book.due(resource, this.lastLook, now)) {
          this.inOrder(resource.id, () => this.claim(resource, tick));
        }
      }
    }
    const started = (updateId: string) => !!this.readModel.update(updateId);
    for (const { claim } of this.overdue.overdue(now, catchUp, started)) {
      this.track(this.takeOver(claim));
    }
    this.book.keepOnly(listed);
    this.claims.forgetBefore(now - catchUp - 60_000);
    this.lastLook = now;
  }

  private inOrder(resourceId: string, work: () => Promise<void>): void {
    const next = (this.queues.get(resourceId) ?? Promise.resolve()).then(work);
    this.queues.set(resourceId, next);
    this.track(next);
    void next.then(() => {
      if (this.queues.get(resourceId) === next) this.queues.delete(resourceId);
    });
  }

  private track(work: Promise<void>): void {
    this.starts.add(work);
    void work.finally(() => this.starts.delete(work));
  }

  private async claim(resource: Resource<ScheduledKind>, tick: number): Promise<void> {
    const claim: ScheduleClaim = {
      kind: resource.kind,
      id: resource.id,
      tick,
      replica: this.replica,
      updateId: newId(),
      alertId: newId(),
    };
    let outcome: Awaited<ReturnType<ClaimBook['claim']>>;
    try {
      outcome = await this.claims.claim(claim);
    } catch (error) {
      this.logger.error(`${this.describe(claim, resource)}: claiming failed: ${message(error)}`);
      return;
    }
    if (!outcome.won) {
      this.overdue.watch(outcome.first);
      return;
    }
    dieAfterClaimForTests(this.config.testing);
    await this.start(resource, claim, 'started');
  }

  /** Starts the run of a claim whose claimer did not: the resource as it is now. */
  private async takeOver(claim: ScheduleClaim): Promise<void> {
    const resource = this.readModel.resourceById(claim.kind, claim.id);
    if (!resource) return;
    await this.start(resource, claim, `started for replica ${claim.replica}, which claimed it`);
  }

  private async start(
    resource: Resource<ScheduledKind>,
    claim: ScheduleClaim,
    how: string,
  ): Promise<void> {
    const run = {
      updateId: claim.updateId,
      alertId: resource.config.schedule_alert ? claim.alertId : undefined,
    };
    try {
      await this.starter.start(resource, run);
      this.logger.log(`${this.describe(claim, resource)} ${how} (update ${claim.updateId})`);
    } catch (error) {
      // Another replica started it first: its Update exists.
      if (await this.starter.started(run).catch(() => false)) return;
      this.logger.error(`${this.describe(claim, resource)} did not start: ${message(error)}`);
    }
  }

  private describe(claim: ScheduleClaim, resource: Resource<ScheduledKind>): string {
    return `${resource.kind} '${resource.name}': scheduled run of ${new Date(claim.tick).toISOString()}`;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
