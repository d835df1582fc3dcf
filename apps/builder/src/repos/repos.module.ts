import { Module } from '@nestjs/common';
import { ServerAgents } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { KEYRING, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { RepoController } from './repo.controller';
import { RepoExecutions } from './repo-executions';
import { RepoSource } from './repo-source';

/** Repos on a Server: clone, pull, refresh, each an execution on the Server's agent. */
@Module({
  controllers: [RepoController],
  providers: [
    {
      provide: ServerAgents,
      useFactory: (readModel: ReadModel, keyring: Keyring) => new ServerAgents(readModel, keyring),
      inject: [READ_MODEL, KEYRING],
    },
    RepoSource,
    RepoExecutions,
  ],
})
export class ReposModule {}
