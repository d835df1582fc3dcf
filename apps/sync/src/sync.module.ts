import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { SyncAlertFeed } from './alerts/sync-alert-feed';
import { SyncAlerts } from './alerts/sync-alerts';
import { SyncRun } from './apply/sync-run';
import { SyncCommit } from './commit/sync-commit';
import { SyncWriter } from './commit/sync-writer';
import { WriteFileContents } from './commit/write-file-contents';
import { SyncPlanner } from './planning/sync-planner';
import { SyncPoller } from './polling/sync-poller';
import { SyncRefresh } from './refresh/sync-refresh';
import { SyncFiles } from './sources/sync-files';
import { SyncController } from './sync.controller';
import { WebhookSyncRun } from './webhooks/webhook-sync-run';

/** The sync service owns ResourceSyncs: TOML in, plan out, applied through commands. */
@Module({
  imports: [ResourceLifecycleModule.forKinds('sync', ['ResourceSync'])],
  controllers: [SyncController],
  providers: [
    SyncFiles,
    SyncPlanner,
    SyncRefresh,
    SyncRun,
    SyncWriter,
    SyncCommit,
    WriteFileContents,
    SyncAlerts,
    SyncAlertFeed,
    SyncPoller,
    WebhookSyncRun,
  ],
})
export class SyncModule {}
