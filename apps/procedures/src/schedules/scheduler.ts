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
  isResourceKind,
  scheduleTickStream,
  type Resource,
  type ScheduledKind,
} from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { eventMetadata, newId } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { ScheduleBook } from './schedule-book';
import { ScheduledRunStarter } from './scheduled-run-starter';

/** The kinds with schedules; Action joins once the kind exists. */
const SCHEDULED_KINDS = ['Procedure', 'Action'].filter(isResourceKind) as ScheduledKind[];

/** How long after a whole second a pass looks: ticks fall on whole seconds. */
const PASS_OFFSET_MS = 5;

/**
 * Runs Procedures and Actions on their schedules, on every replica at once. Each pass (once a
 * second) lists the ticks due since the last one from the read model; a tick is claimed by
 * creating its stream (`scheduletick-<id>-<tickMs>`, expected `no_stream`): the replica that
 * creates it starts the run, the others find it exists and skip. A replica that starts (or
 * starts again) claims the ticks of the last `catch_up_ms` that nobody claimed, never older.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Scheduler.name);
  private readonly replica: string;
  private readonly book: ScheduleBook;
  private readonly starts = new Set<Promise<void>>();
  private lastLook?: number;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly starter: ScheduledRunStarter,
  ) {
    this.replica = config.procedures.replica || `${hostname()}:${process.pid}`;
    this.book = new ScheduleBook(config.scheduler.timezone, config.scheduler.catch_up_ms);
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
    const listed = new Set<string>();
    for (const kind of SCHEDULED_KINDS) {
      for (const resource of this.readModel.list(kind)) {
        listed.add(resource.id);
        for (const tick of this.book.due(resource, this.lastLook, now)) {
          this.track(this.claim(resource, tick));
        }
      }
    }
    this.book.keepOnly(listed);
    this.lastLook = now;
  }

  private track(work: Promise<void>): void {
    this.starts.add(work);
    void work.finally(() => this.starts.delete(work));
  }

  private async claim(resource: Resource<ScheduledKind>, tick: number): Promise<void> {
    const stream = scheduleTickStream(resource.id, tick);
    // A fresh id per replica: the store answers a repeated id as the first append's success.
    const claimId = newId();
    const meta = { userId: 'scheduler', via: 'system' as const, correlationId: claimId };
    try {
      await this.store.append(
        stream,
        [
          {
            id: claimId,
            type: 'ScheduleTickClaimed',
            data: { kind: resource.kind, id: resource.id, tick, replica: this.replica },
            metadata: eventMetadata(meta),
          },
        ],
        'no_stream',
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return;
      this.logger.error(
        `${resource.kind} '${resource.name}': claiming tick ${new Date(tick).toISOString()} failed: ${(error as Error).message}`,
      );
      return;
    }
    try {
      const update = await this.starter.start(resource, claimId);
      this.logger.log(
        `${resource.kind} '${resource.name}': scheduled run of ${new Date(tick).toISOString()} started (update ${update.id})`,
      );
    } catch (error) {
      this.logger.error(
        `${resource.kind} '${resource.name}': scheduled run of ${new Date(tick).toISOString()} did not start: ${(error as Error).message}`,
      );
    }
  }
}
