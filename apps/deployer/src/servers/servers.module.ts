import { Module } from '@nestjs/common';
import { ObservationModule } from '../observation/observation.module';
import { ServerExecutionsController } from './server-executions.controller';
import { ServerObservations } from './server-observations';
import { ServerPoller } from './server-poller';
import { ServerQueriesController } from './server-queries.controller';
import { statsHistoryProvider, StatsHistoryCloser } from './stats-history.provider';

/** Servers: polling of their agents (state, stats, containers, alerts), live reads, prunes. */
@Module({
  imports: [ObservationModule],
  controllers: [ServerQueriesController, ServerExecutionsController],
  providers: [ServerObservations, ServerPoller, statsHistoryProvider, StatsHistoryCloser],
  exports: [ServerPoller],
})
export class ServersModule {}
