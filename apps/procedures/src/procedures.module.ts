import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { ActionsModule } from './actions/actions.module';
import { RunsModule } from './runs/runs.module';
import { SchedulesModule } from './schedules/schedules.module';

/** The procedures service owns Procedures and Actions and runs them. */
@Module({
  imports: [
    ResourceLifecycleModule.forKinds('procedures', ['Procedure', 'Action']),
    SchedulesModule,
    RunsModule,
    ActionsModule,
  ],
})
export class ProceduresModule {}
