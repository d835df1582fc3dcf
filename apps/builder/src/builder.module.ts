import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';

/** The builder owns Builds, Builders and Repos. */
@Module({
  imports: [ResourceLifecycleModule.forKinds('builder', ['Build', 'Builder', 'Repo'])],
})
export class BuilderModule {}
