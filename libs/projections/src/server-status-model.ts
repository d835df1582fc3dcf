import { evolveServerStatus, unknownServerStatus, type ServerStatus } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/** Each server's last recorded state, version and pinned certificate. */
export class ServerStatusModel {
  private readonly statuses = new Map<string, ServerStatus>();

  readonly categories = ['serverstatus'];

  apply(event: StoredEvent): void {
    const id = event.stream.slice('serverstatus-'.length);
    this.statuses.set(
      id,
      evolveServerStatus(this.statuses.get(id) ?? unknownServerStatus(), event),
    );
  }

  status(serverId: string): ServerStatus | undefined {
    return this.statuses.get(serverId);
  }
}
