import { Module } from '@nestjs/common';
import { ServerAgents } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { KEYRING, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { ContainerObservers } from './container-observers';
import { ImageUpdateWatcher } from './image-update-watcher';
import { ObservedExecutions } from './observed-executions';
import { StateChangeAlerts } from './state-change-alerts';

const shared = [
  {
    provide: ServerAgents,
    useFactory: (readModel: ReadModel, keyring: Keyring) => new ServerAgents(readModel, keyring),
    inject: [READ_MODEL, KEYRING],
  },
  StateChangeAlerts,
  ObservedExecutions,
  ContainerObservers,
  ImageUpdateWatcher,
];

/**
 * What the deployer's features share and none of them owns: the agents, what polling observed
 * and the alerts it opens, executions that polling watches, the image update checks' round.
 * Features import it; it imports no feature, and features never import each other.
 */
@Module({ providers: shared, exports: shared })
export class ObservationModule {}
