import { deploymentState } from '../deployment/deployment-state';
import type { DomainEvent } from '../shared/domain-event';

/** Komodo's StackState, as its API spells it. */
export const STACK_STATES = [
  'deploying',
  'running',
  'paused',
  'stopped',
  'created',
  'restarting',
  'dead',
  'removing',
  'unhealthy',
  'down',
  'unknown',
] as const;
export type StackState = (typeof STACK_STATES)[number];

/** One service's container as polling saw it. */
export interface StackServiceStatus {
  service: string;
  /** The container's state, as a Deployment's (`running`, `exited`, `unhealthy`, ...). */
  state: string;
  image: string;
}

/**
 * A stack's services as polling last saw them, recorded only when they change: stream
 * `stackstatus-<id>`.
 */
export const stackStatusStream = (stackId: string) => `stackstatus-${stackId}`;

export interface StackStatus {
  state: StackState;
  services: StackServiceStatus[];
  /** When this state was first seen. */
  since: number;
  /** Services whose image reference names a newer image at the registry. */
  updates_available?: string[];
}

export type StackStatusEvent =
  | DomainEvent<
      'StackStateObserved',
      { state: StackState; services: StackServiceStatus[]; at: number }
    >
  | DomainEvent<'StackImageUpdatesObserved', { services: string[]; at: number }>;

/** A container of the stack's compose project, as the agent lists it. */
export interface ObservedServiceContainer {
  service: string;
  state: string;
  health?: string;
  image?: string;
}

/** Each service's state, sorted by service, ignored services left out. */
export function stackServices(
  containers: ObservedServiceContainer[],
  ignore: string[] = [],
): StackServiceStatus[] {
  return containers
    .filter((c) => !ignore.includes(c.service))
    .map((c) => ({
      service: c.service,
      state: deploymentState({ state: c.state, health: c.health }),
      image: c.image ?? '',
    }))
    .sort((a, b) => a.service.localeCompare(b.service));
}

const UNANIMOUS = new Map<string, StackState>([
  ['running', 'running'],
  ['paused', 'paused'],
  ['exited', 'stopped'],
  ['created', 'created'],
  ['restarting', 'restarting'],
  ['dead', 'dead'],
  ['removing', 'removing'],
]);

/**
 * As Komodo: no container is `down`; services all in one state give that state (all exited is
 * `stopped`); a mix (partly running) or a failing healthcheck is `unhealthy`. The server out of
 * reach is `unknown`.
 */
export function stackState(services: StackServiceStatus[] | 'unreachable'): StackState {
  if (services === 'unreachable') return 'unknown';
  if (!services.length) return 'down';
  const states = new Set(services.map((s) => s.state));
  if (states.size > 1) return 'unhealthy';
  const [only] = states;
  return only === 'unhealthy' ? 'unhealthy' : (UNANIMOUS.get(only) ?? 'unknown');
}

export function evolveStackStatus(
  status: StackStatus | undefined,
  event: DomainEvent,
): StackStatus | undefined {
  const e = event as StackStatusEvent;
  if (e.type === 'StackImageUpdatesObserved') {
    return status && { ...status, updates_available: e.data.services };
  }
  if (e.type !== 'StackStateObserved') return status;
  const since = status?.state === e.data.state ? status.since : e.data.at;
  const updates = status?.updates_available;
  return {
    state: e.data.state,
    services: e.data.services,
    since,
    ...(updates ? { updates_available: updates } : {}),
  };
}

/** Recorded when the set of services with a newer image changes, not on every check. */
export function decideStackImageUpdates(
  current: StackStatus | undefined,
  observed: { services: string[]; at: number },
): StackStatusEvent[] {
  const services = [...observed.services].sort();
  if (!current || (current.updates_available ?? []).join() === services.join()) return [];
  return [{ type: 'StackImageUpdatesObserved', data: { services, at: observed.at } }];
}

export function decideStackStatus(
  current: StackStatus | undefined,
  observed: { state: StackState; services: StackServiceStatus[]; at: number },
): StackStatusEvent[] {
  if (
    current &&
    current.state === observed.state &&
    JSON.stringify(current.services) === JSON.stringify(observed.services)
  ) {
    return [];
  }
  return [{ type: 'StackStateObserved', data: observed }];
}
