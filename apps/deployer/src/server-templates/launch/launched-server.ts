import {
  CREATOR_SPECIFICS,
  decideServerStatus,
  serverStatusStream,
  userDecider,
  userStream,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, type CommandMeta, type ResourceCommands } from '@monitor/resources';
import { recordObserved } from '../../observation/record-observed';

export interface ServerToCreate {
  /** The id its name was reserved for, if the caller reserved it; else a new one. */
  id?: string;
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
      server.id,
    );
    const observed = {
      state: 'Ok' as const,
      reason: '',
      version: server.version,
      ...(server.fingerprint ? { fingerprint: server.fingerprint } : {}),
    };
    const events = decideServerStatus(undefined, observed);
    const status = await recordObserved(this.store, serverStatusStream(id), events);
    const granted = await this.grantCreator(id, meta);
    await this.readModel.waitFor(Math.max(position, status.position, granted));
    return id;
  }

  /** The launching user manages what they launched, as the creator of any Server does. */
  private async grantCreator(serverId: string, meta: CommandMeta): Promise<number> {
    const user = this.readModel.identity.user(meta.userId);
    if (!user || user.admin) return 0;
    const command = {
      type: 'SetResourcePermission' as const,
      kind: 'Server' as const,
      id: serverId,
      level: 'Write' as const,
      specific: [...(CREATOR_SPECIFICS.Server ?? [])],
    };
    const { position } = await handleCommand(
      this.store,
      userStream(user.id),
      userDecider,
      command,
      meta,
    );
    return position;
  }
}
