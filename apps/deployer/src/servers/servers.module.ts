import { Module } from '@nestjs/common';
import { DeploymentObserver } from '../deployments/deployment-observer';
import { ServerAgents } from './server-agents';
import { ServerExecutionsController } from './server-executions.controller';
import { ServerObservations } from './server-observations';
import { ServerPoller } from './server-poller';
import { ServerQueriesController } from './server-queries.controller';
import { statsHistoryProvider, StatsHistoryCloser } from './stats-history.provider';

/** Servers: polling of their agents (state, stats, alerts), live reads, prunes. */
@Module({
  controllers: [ServerQueriesController, ServerExecutionsController],
  providers: [
    ServerAgents,
    ServerObservations,
    ServerPoller,
    DeploymentObserver,
    statsHistoryProvider,
    StatsHistoryCloser,
  ],
  exports: [ServerAgents, ServerPoller, DeploymentObserver],
})
export class ServersModule {}
