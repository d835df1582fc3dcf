import { Logger, Module } from '@nestjs/common';
import { InstanceTerminations } from '@monitor/cloud';
import type { MonitorConfig } from '@monitor/config';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { ResourceCommands } from '@monitor/resources';
import { EVENT_STORE, KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import {
  LaunchCleanupAlerts,
  LaunchCredentialsResolver,
  LaunchedServerRecorder,
  LaunchResume,
  ServerLaunch,
  type LaunchTiming,
} from './launch';
import { LaunchServerController } from './launch-server.controller';

const MAX_CLEANUP_RETRY_MS = 30 * 60_000;

const timingOf = ({ launch, aws }: MonitorConfig, stopping: AbortController): LaunchTiming => ({
  instanceTimeoutMs: launch.instance_timeout_ms,
  agentTimeoutMs: launch.agent_timeout_ms,
  intervalMs: launch.poll_interval_ms,
  maxIntervalMs: launch.max_poll_interval_ms,
  cleanupRetryMs: aws.termination_retry_ms,
  signal: stopping.signal,
});

/** ServerTemplates' LaunchServer: the launch's parts, made once per process. */
@Module({
  controllers: [LaunchServerController],
  providers: [
    // Aborted as the deployer stops (LaunchServerController): the launches' waits end.
    { provide: AbortController, useFactory: () => new AbortController() },
    {
      provide: InstanceTerminations,
      inject: [EVENT_STORE, READ_MODEL, MONITOR_CONFIG],
      useFactory: (store: EventStore, readModel: ReadModel, config: MonitorConfig) =>
        new InstanceTerminations(
          new LaunchCleanupAlerts(store, readModel),
          { firstRetryMs: config.aws.termination_retry_ms, maxRetryMs: MAX_CLEANUP_RETRY_MS },
          new Logger('LaunchCleanups'),
        ),
    },
    {
      provide: LaunchCredentialsResolver,
      inject: [MONITOR_CONFIG, READ_MODEL, KEYRING],
      useFactory: (config: MonitorConfig, readModel: ReadModel, keyring: Keyring) =>
        new LaunchCredentialsResolver(config, readModel, keyring),
    },
    {
      provide: ServerLaunch,
      inject: [
        EVENT_STORE,
        READ_MODEL,
        MONITOR_CONFIG,
        LaunchCredentialsResolver,
        InstanceTerminations,
        ResourceCommands,
        AbortController,
      ],
      useFactory: (
        store: EventStore,
        readModel: ReadModel,
        config: MonitorConfig,
        credentials: LaunchCredentialsResolver,
        terminations: InstanceTerminations,
        resources: ResourceCommands,
        stopping: AbortController,
      ) =>
        new ServerLaunch({
          store,
          readModel,
          credentials,
          terminations,
          servers: new LaunchedServerRecorder(store, readModel, resources),
          timing: timingOf(config, stopping),
        }),
    },
    {
      provide: LaunchResume,
      inject: [
        EVENT_STORE,
        MONITOR_CONFIG,
        LaunchCredentialsResolver,
        InstanceTerminations,
        AbortController,
      ],
      useFactory: (
        store: EventStore,
        config: MonitorConfig,
        credentials: LaunchCredentialsResolver,
        terminations: InstanceTerminations,
        stopping: AbortController,
      ) => new LaunchResume(store, credentials, terminations, timingOf(config, stopping)),
    },
  ],
})
export class ServerTemplatesModule {}
