import { Module } from '@nestjs/common';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { BuildersModule } from '../builders/builders.module';
import { BuildController } from './build.controller';
import { BuildExecutions, CANCEL_RUNNER } from './build-executions';
import { BuildRefresh } from './build-refresh';
import { BuildSource } from './build-source';
import { BuildSteps } from './build-steps';
import { RunningBuilds } from './running-builds';

/**
 * Builds on a Builder: RunBuild, CancelBuild and RefreshBuildCache, each an execution on the
 * builder's agent.
 */
@Module({
  imports: [BuildersModule],
  controllers: [BuildController],
  providers: [
    {
      provide: CANCEL_RUNNER,
      useFactory: (store: EventStore, readModel: ReadModel) =>
        new ExecutionRunner(store, readModel),
      inject: [EVENT_STORE, READ_MODEL],
    },
    BuildSource,
    BuildSteps,
    RunningBuilds,
    BuildExecutions,
    BuildRefresh,
  ],
})
export class BuildsModule {}
