/** Komodo's DeploymentState, as its API spells it. */
export const DEPLOYMENT_STATES = [
  'deploying',
  'running',
  'created',
  'restarting',
  'stopping',
  'removing',
  'paused',
  'exited',
  'dead',
  'unhealthy',
  'not_deployed',
  'unknown',
] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

/** A container as Docker reports it: `State.Status` and `State.Health.Status` when it has a check. */
export interface ObservedContainer {
  /** created, running, paused, restarting, removing, exited, dead (and stopping in Komodo's enum). */
  state: string;
  /** healthy, unhealthy, starting; none or absent without a healthcheck. */
  health?: string;
}

/** What the server told us: the container, no such container, or nothing (unreachable). */
export type ContainerObservation = ObservedContainer | 'not_found' | 'unreachable';

// A Map, so that a status named like an Object property (`constructor`) is simply unknown.
const DIRECT = new Map<string, DeploymentState>(
  Object.entries({
    running: 'running',
    created: 'created',
    restarting: 'restarting',
    stopping: 'stopping',
    removing: 'removing',
    paused: 'paused',
    exited: 'exited',
    dead: 'dead',
  }) as [string, DeploymentState][],
);

/**
 * The Deployment's state from its container. Komodo maps Docker's status one to one and keeps
 * `unhealthy` for Swarm; Monitor also calls a running container whose healthcheck fails
 * `unhealthy`, since "running" would hide that it is not serving (one of Komodo users' asks).
 * A healthcheck still `starting` counts as running. `deploying` is set by the deploy itself,
 * never read from Docker. A status Docker does not document is `unknown`, as in Komodo.
 */
export function deploymentState(observation: ContainerObservation): DeploymentState {
  if (observation === 'unreachable') return 'unknown';
  if (observation === 'not_found') return 'not_deployed';
  const state = DIRECT.get(observation.state.trim().toLowerCase()) ?? 'unknown';
  const unhealthy = observation.health?.trim().toLowerCase() === 'unhealthy';
  return state === 'running' && unhealthy ? 'unhealthy' : state;
}
