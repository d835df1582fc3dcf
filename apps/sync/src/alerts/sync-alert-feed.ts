import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  pendingStep,
  pendingUpdatesAlert,
  readResourceEvent,
  releasesHeldDeletes,
  type SyncPending,
} from '@monitor/domain';
import type { CheckpointStore, EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { CHECKPOINTS, CheckpointFeed, EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { derivedAlertId, SyncAlerts } from './sync-alerts';

const CHECKPOINT = 'sync-alerts';
const STREAM_PREFIX = 'resourcesync-';
const REFRESHED = 'ResourceSyncRefreshed';

type Refreshed = { pending: SyncPending; at: number };

/** The pending period's alert: named after the sync and the refresh that began the period. */
export const pendingAlertId = (syncId: string, since: number) =>
  derivedAlertId(`ResourceSyncPendingUpdates/${syncId}/${since}`);

/**
 * Follows the syncs' streams from a checkpoint (whatever recorded the refresh: an execution, a
 * RunSync's last step, a poll, a webhook) and keeps their alerts in step:
 * `ResourceSyncPendingUpdates` opens at the refresh that begins a pending period (with
 * `pending_alert`) and resolves at the one that ends it; a held webhook run's alert resolves
 * once a plan needs no `confirm_deletes`; a deleted sync's alerts resolve. Each replica follows,
 * and their writes meet on the same alert streams, so each change is made once.
 */
@Injectable()
export class SyncAlertFeed extends CheckpointFeed {
  private readonly logger = new Logger(SyncAlertFeed.name);
  /** Per sync seen: the revision its pending period began at (undefined: its plan is empty). */
  private readonly periods = new Map<string, number | undefined>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINTS) checkpoints: CheckpointStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly alerts: SyncAlerts,
  ) {
    super(store, checkpoints, CHECKPOINT);
  }

  protected override wants(event: StoredEvent): boolean {
    return event.stream.startsWith(STREAM_PREFIX);
  }

  protected async handle(event: StoredEvent): Promise<void> {
    const syncId = event.stream.slice(STREAM_PREFIX.length);
    try {
      if (event.type === REFRESHED) await this.refreshed(syncId, event);
      else if (readResourceEvent(event, ['ResourceSync'])?.action === 'Deleted')
        await this.deleted(syncId, event.metadata.at);
    } catch (error) {
      // The next refresh of this sync puts its alerts right; the feed goes on with the others.
      this.logger.error(`alerts of sync ${syncId} at ${event.type}: ${(error as Error).message}`);
    }
    await this.checkpoints.save(CHECKPOINT, event.position);
  }

  private async refreshed(syncId: string, event: StoredEvent): Promise<void> {
    const { pending, at } = event.data as Refreshed;
    const step = pendingStep(await this.periodBefore(syncId, event), event.revision, pending);
    this.periods.set(syncId, step.since);
    await this.readModel.waitFor(event.position);
    const sync = this.readModel.resourceById('ResourceSync', syncId);
    if (step.opens !== undefined && sync?.config.pending_alert)
      await this.alerts.open(pendingAlertId(syncId, step.opens), pendingUpdatesAlert(sync), at);
    if (step.resolves !== undefined)
      await this.alerts.resolve(pendingAlertId(syncId, step.resolves), at);
    if (releasesHeldDeletes(pending))
      for (const alert of this.alerts.openOf(syncId, 'ResourceSyncDeletesHeld'))
        await this.alerts.resolve(alert.id, at);
  }

  private async deleted(syncId: string, at: number): Promise<void> {
    const since = this.periods.get(syncId);
    this.periods.delete(syncId);
    if (since !== undefined) await this.alerts.resolve(pendingAlertId(syncId, since), at);
    for (const alert of this.readModel.alerts.openFor('ResourceSync', syncId))
      await this.alerts.resolve(alert.id, at);
  }

  /** The sync's period before `event`: known once seen, else folded from its stream once. */
  private async periodBefore(syncId: string, event: StoredEvent): Promise<number | undefined> {
    if (this.periods.has(syncId)) return this.periods.get(syncId);
    let since: number | undefined;
    for (const earlier of await this.store.readStream(event.stream)) {
      if (earlier.revision >= event.revision) break;
      if (earlier.type !== REFRESHED) continue;
      since = pendingStep(since, earlier.revision, (earlier.data as Refreshed).pending).since;
    }
    return since;
  }
}
