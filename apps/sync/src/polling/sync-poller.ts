import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { Resource } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { systemMeta } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { SyncPlanner } from '../planning/sync-planner';
import { SyncRefresh } from '../refresh/sync-refresh';
import { claimPoll } from './poll-claims';

/** A sync whose files can change without Monitor: in git, or in its host folder. */
function isPolled(sync: Resource<'ResourceSync'>): boolean {
  const { files_on_host, linked_repo, repo } = sync.config;
  return files_on_host || linked_repo !== '' || repo.trim() !== '';
}

/**
 * Komodo's sync polling: every `[sync] poll_interval_ms` (0: never), each sync with a git or
 * host source has its files read and planned again, and the plan recorded only when it changed
 * (no Update: a poll is not someone's execution, and one per sync per interval would bury the
 * others). Replicas wake at the same window starts; the one that claims the window polls. A sync
 * with an execution running or starting meanwhile (RunSync, a refresh) is left to it.
 */
@Injectable()
export class SyncPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SyncPoller.name);
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly planner: SyncPlanner,
    private readonly refreshes: SyncRefresh,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sync.poll_interval_ms > 0) this.next();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private next(): void {
    const every = this.config.sync.poll_interval_ms;
    const start = Math.floor(Date.now() / every) * every + every;
    this.timer = setTimeout(() => {
      void this.poll(start, every).finally(() => {
        if (this.timer) this.next();
      });
    }, start - Date.now());
  }

  /** One window's poll, when this replica claims it and its previous poll has ended. */
  private async poll(start: number, intervalMs: number): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      if (!(await claimPoll(this.store, { start, intervalMs }))) return;
      for (const sync of this.readModel.list('ResourceSync').filter(isPolled)) {
        if (!this.timer) return;
        await this.refresh(sync.id).catch((error: Error) =>
          this.logger.warn(`poll of sync '${sync.name}': ${error.message}`),
        );
      }
    } catch (error) {
      this.logger.error(
        `sync poll of ${new Date(start).toISOString()}: ${(error as Error).message}`,
      );
    } finally {
      this.polling = false;
    }
  }

  private async refresh(id: string): Promise<void> {
    const began = Date.now();
    if (this.busy(id)) return;
    const planned = await this.planner.plan(this.refreshes.sync(id), () => undefined);
    // An execution that began meanwhile records what it finds; this read may be older.
    if (this.busy(id, began)) return;
    await this.refreshes.record(id, planned, systemMeta());
  }

  /** Whether the sync has an execution unfinished, or one started at or after `since`. */
  private busy(id: string, since = Infinity): boolean {
    return this.readModel.executions
      .forTarget('ResourceSync', id)
      .some((x) => x.status !== 'Complete' || x.startTs >= since);
  }
}
