import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';

/** The procedures service owns Procedures and runs them. */
@Module({
  imports: [ResourceLifecycleModule.forKinds('procedures', ['Procedure'])],
})
export class ProceduresModule {}
