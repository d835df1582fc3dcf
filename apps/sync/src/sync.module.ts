import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';

/** The sync service owns ResourceSyncs: TOML in, plan out, applied through commands. */
@Module({
  imports: [ResourceLifecycleModule.forKinds('sync', ['ResourceSync'])],
})
export class SyncModule {}
