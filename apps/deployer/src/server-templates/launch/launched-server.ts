import { decideServerStatus, serverStatusStream } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta, ResourceCommands } from '@monitor/resources';
import { recordObserved } from '../../observation/record-observed';

export interface ServerToCreate {
  name: string;
  address: string;
  /** The rotated passkey, plaintext here: the create seals it as any Server's passkey. */
  passkey: string;
  /** The agent's version, as it answered. */
  version: string;
  /** With https: the launch's certificate, pinned from the start rather than at first contact. */
  fingerprint?: string;
}

/**
 * Creates the launched Server as an ordinary create of the launch's user (the name checked,
 * the passkey sealed, as CreateServer does), enabled, and records it Ok with its certificate
 * pinned: the launch has just spoken to its agent.
 */
export class LaunchedServerRecorder {
  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModel,
    private readonly resources: ResourceCommands,
  ) {}

  async create(server: ServerToCreate, meta: CommandMeta): Promise<string> {
    const https = server.address.startsWith('https:');
    const { id, position } = await this.resources.create(
      'Server',
      {
        name: server.name,
        config: {
          address: server.address,
          passkey: server.passkey,
          enabled: true,
          insecure_tls: https,
        },
      },
      meta,
    );
    const observed = {
      state: 'Ok' as const,
      reason: '',
      version: server.version,
      ...(server.fingerprint ? { fingerprint: server.fingerprint } : {}),
    };
    const events = decideServerStatus(undefined, observed);
    const status = await recordObserved(this.store, serverStatusStream(id), events);
    await this.readModel.waitFor(Math.max(position, status.position));
    return id;
  }
}
