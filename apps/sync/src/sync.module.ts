import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { SyncRun } from './apply/sync-run';
import { SyncPlanner } from './planning/sync-planner';
import { SyncRefresh } from './refresh/sync-refresh';
import { SyncFiles } from './sources/sync-files';
import { SyncController } from './sync.controller';

/** The sync service owns ResourceSyncs: TOML in, plan out, applied through commands. */
@Module({
  imports: [ResourceLifecycleModule.forKinds('sync', ['ResourceSync'])],
  controllers: [SyncController],
  providers: [SyncFiles, SyncPlanner, SyncRefresh, SyncRun],
})
export class SyncModule {}
