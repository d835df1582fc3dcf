import {
  Inject,
  Logger,
  Module,
  type OnModuleDestroy,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InstanceTerminations } from '@monitor/cloud';
import type { MonitorConfig } from '@monitor/config';
import type { EventStore } from '@monitor/eventstore';
import { ServerAgents } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { StoredTerminationAlerts } from './aws/termination-alerts';
import { BuilderAgents } from './builder-agents';

/** Komodo polls a Url builder for 10 s, and instances every 2 s. */
const URL_AGENT_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 2_000;
const MAX_TERMINATION_RETRY_MS = 30 * 60_000;

/** Builders' agents for the builder's executions (RunBuild, BuildRepo): `BuilderAgents`. */
@Module({
  providers: [
    {
      provide: BuilderAgents,
      inject: [READ_MODEL, KEYRING, EVENT_STORE, MONITOR_CONFIG],
      useFactory: (
        readModel: ReadModel,
        keyring: Keyring,
        store: EventStore,
        config: MonitorConfig,
      ) => {
        const { aws } = config;
        const terminations = new InstanceTerminations(
          new StoredTerminationAlerts(store, readModel),
          { firstRetryMs: aws.termination_retry_ms, maxRetryMs: MAX_TERMINATION_RETRY_MS },
          new Logger('BuilderInstances'),
        );
        return new BuilderAgents(
          readModel,
          keyring,
          new ServerAgents(readModel, keyring),
          aws,
          terminations,
          {
            url: { agentTimeoutMs: URL_AGENT_TIMEOUT_MS, intervalMs: 1_000 },
            aws: {
              launchTimeoutMs: aws.launch_timeout_ms,
              agentTimeoutMs: aws.agent_timeout_ms,
              intervalMs: POLL_INTERVAL_MS,
            },
          },
        );
      },
    },
  ],
  exports: [BuilderAgents],
})
export class BuildersModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(BuilderAgents) private readonly agents: BuilderAgents) {}

  onApplicationBootstrap(): void {
    this.agents.resumeTerminations();
  }

  onModuleDestroy(): void {
    this.agents.stopTerminations();
  }
}
