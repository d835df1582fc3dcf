import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { BuildersModule } from './builders/builders.module';
import { BuildsModule } from './builds/builds.module';
import { ReposModule } from './repos/repos.module';

/** The builder owns Builds, Builders and Repos; each feature folder is a module of its own. */
@Module({
  imports: [
    ResourceLifecycleModule.forKinds('builder', ['Build', 'Builder', 'Repo']),
    ReposModule,
    BuildersModule,
    BuildsModule,
  ],
})
export class BuilderModule {}
