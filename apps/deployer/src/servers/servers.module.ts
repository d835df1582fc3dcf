import { Module } from '@nestjs/common';
import { ServerAgents } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { KEYRING, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { DeploymentObserver } from '../deployments/deployment-observer';
import { StackObserver } from '../stacks/stack-observer';
import { ObservedExecutions } from './observed-executions';
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
    {
      provide: ServerAgents,
      useFactory: (readModel: ReadModel, keyring: Keyring) => new ServerAgents(readModel, keyring),
      inject: [READ_MODEL, KEYRING],
    },
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
