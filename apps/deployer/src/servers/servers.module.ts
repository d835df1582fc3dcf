import { Module } from '@nestjs/common';
import { DeploymentObserver } from '../deployments/deployment-observer';
import { StackObserver } from '../stacks/stack-observer';
import { ObservedExecutions } from './observed-executions';
import { ServerAgents } from './server-agents';
import { ServerExecutionsController } from './server-executions.controller';
import { ServerObservations } from './server-observations';
import { ServerPoller } from './server-poller';
import { ServerQueriesController } from './server-queries.controller';
import { StateChangeAlerts } from './state-change-alerts';
import { statsHistoryProvider, StatsHistoryCloser } from './stats-history.provider';

/** Servers: polling of their agents (state, stats, containers, alerts), live reads, prunes. */
@Module({
  controllers: [ServerQueriesController, ServerExecutionsController],
  providers: [
    ServerAgents,
    ServerObservations,
    ServerPoller,
    StateChangeAlerts,
    ObservedExecutions,
    DeploymentObserver,
    StackObserver,
    statsHistoryProvider,
    StatsHistoryCloser,
  ],
  exports: [
    ServerAgents,
    ServerPoller,
    DeploymentObserver,
    StackObserver,
    ObservedExecutions,
    StateChangeAlerts,
  ],
})
export class ServersModule {}
