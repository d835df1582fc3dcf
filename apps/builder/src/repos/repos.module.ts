import { Module } from '@nestjs/common';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner, ServerAgents } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, KEYRING, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { BuildersModule } from '../builders/builders.module';
import { RepoBuilds, REPO_CANCEL_RUNNER } from './repo-builds';
import { RepoController } from './repo.controller';
import { RepoExecutions } from './repo-executions';
import { RepoSource } from './repo-source';
import { RunningRepoBuilds } from './running-repo-builds';

/**
 * Repos: clone, pull, refresh, each an execution on the Server's agent; BuildRepo on the Repo's
 * Builder and its cancel.
 */
@Module({
  imports: [BuildersModule],
  controllers: [RepoController],
  providers: [
    {
      provide: ServerAgents,
      useFactory: (readModel: ReadModel, keyring: Keyring) => new ServerAgents(readModel, keyring),
      inject: [READ_MODEL, KEYRING],
    },
    {
      provide: REPO_CANCEL_RUNNER,
      useFactory: (store: EventStore, readModel: ReadModel) =>
        new ExecutionRunner(store, readModel),
      inject: [EVENT_STORE, READ_MODEL],
    },
    RepoSource,
    RepoExecutions,
    RunningRepoBuilds,
    RepoBuilds,
  ],
})
export class ReposModule {}
