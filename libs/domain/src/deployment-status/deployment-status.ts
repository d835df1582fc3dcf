import type { DomainEvent } from '../shared/domain-event';

/**
 * A deployment's container as polling last saw it, recorded only when it changes: stream
 * `deploymentstatus-<id>`. `state` is Komodo's DeploymentState.
 */
export const deploymentStatusStream = (deploymentId: string) => `deploymentstatus-${deploymentId}`;

export interface DeploymentStatus {
  state: string;
  /** The image the container runs; empty when there is none. */
  image: string;
  /** When the state was first seen. */
  since: number;
}

export type DeploymentStatusEvent = DomainEvent<
  'DeploymentStateObserved',
  { state: string; image: string; at: number }
>;

export function evolveDeploymentStatus(
  _status: DeploymentStatus | undefined,
  event: DomainEvent,
): DeploymentStatus | undefined {
  const e = event as DeploymentStatusEvent;
  if (e.type !== 'DeploymentStateObserved') return _status;
  return { state: e.data.state, image: e.data.image, since: e.data.at };
}

export function decideDeploymentStatus(
  current: DeploymentStatus | undefined,
  observed: { state: string; image: string; at: number },
): DeploymentStatusEvent[] {
  if (current && current.state === observed.state && current.image === observed.image) return [];
  return [{ type: 'DeploymentStateObserved', data: observed }];
}
