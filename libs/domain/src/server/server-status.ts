import type { DomainEvent } from '../shared/domain-event';

/**
 * What polling learned of a server, recorded only when it changes (a poll that finds the same
 * writes nothing): stream `serverstatus-<id>`. Komodo's ServerState names.
 */
export const serverStatusStream = (serverId: string) => `serverstatus-${serverId}`;

export type ServerState = 'Ok' | 'NotOk' | 'Disabled';

export interface ServerStatus {
  state: ServerState;
  /** Why NotOk, in words a user can act on; empty when Ok. */
  reason: string;
  /** The agent's version, when it answered. */
  version: string;
  /** SHA-256 fingerprint of the agent's TLS certificate, pinned at the first https contact. */
  fingerprint?: string;
}

export type ServerStatusEvent =
  | DomainEvent<'ServerStatusChanged', { state: ServerState; reason: string; version: string }>
  | DomainEvent<'ServerCertificatePinned', { fingerprint: string }>;

export const unknownServerStatus = (): ServerStatus => ({
  state: 'NotOk',
  reason: 'not polled yet',
  version: '',
});

export function evolveServerStatus(status: ServerStatus, event: DomainEvent): ServerStatus {
  const e = event as ServerStatusEvent;
  if (e.type === 'ServerStatusChanged') return { ...status, ...e.data };
  if (e.type === 'ServerCertificatePinned') return { ...status, fingerprint: e.data.fingerprint };
  return status;
}

/** The events that record an observation: none when nothing changed. */
export function decideServerStatus(
  current: ServerStatus | undefined,
  observed: { state: ServerState; reason: string; version: string; fingerprint?: string },
): ServerStatusEvent[] {
  const events: ServerStatusEvent[] = [];
  const { state, reason, version, fingerprint } = observed;
  if (
    !current ||
    current.state !== state ||
    current.reason !== reason ||
    (version && current.version !== version)
  ) {
    events.push({
      type: 'ServerStatusChanged',
      data: { state, reason, version: version || (current?.version ?? '') },
    });
  }
  if (fingerprint && !current?.fingerprint)
    events.push({ type: 'ServerCertificatePinned', data: { fingerprint } });
  return events;
}
