import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';

/** The procedures service owns Procedures and Actions and runs them. */
@Module({
  imports: [ResourceLifecycleModule.forKinds('procedures', ['Procedure', 'Action'])],
})
export class ProceduresModule {}
