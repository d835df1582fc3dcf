import type { DomainEvent } from '../shared/domain-event';
import type { DeploymentState } from './deployment-state';

/**
 * A deployment's container as polling last saw it, recorded only when it changes: stream
 * `deploymentstatus-<id>`. `state` is Komodo's DeploymentState.
 */
export const deploymentStatusStream = (deploymentId: string) => `deploymentstatus-${deploymentId}`;

export interface DeploymentStatus {
  state: DeploymentState;
  /** The image the container runs; empty when there is none. */
  image: string;
  /** When the state was first seen. */
  since: number;
  /** The registry has another image under the reference than the container runs. */
  update_available?: boolean;
}

export type DeploymentStatusEvent =
  | DomainEvent<'DeploymentStateObserved', { state: DeploymentState; image: string; at: number }>
  | DomainEvent<
      'DeploymentImageUpdateObserved',
      { update_available: boolean; remote_digest: string; at: number }
    >;

export function evolveDeploymentStatus(
  _status: DeploymentStatus | undefined,
  event: DomainEvent,
): DeploymentStatus | undefined {
  const e = event as DeploymentStatusEvent;
  if (e.type === 'DeploymentImageUpdateObserved') {
    return _status && { ..._status, update_available: e.data.update_available };
  }
  if (e.type !== 'DeploymentStateObserved') return _status;
  const update = _status?.update_available;
  return {
    state: e.data.state,
    image: e.data.image,
    since: e.data.at,
    ...(update !== undefined ? { update_available: update } : {}),
  };
}

/** Recorded when whether an update is available changes, not on every check. */
export function decideImageUpdate(
  current: DeploymentStatus | undefined,
  observed: { update_available: boolean; remote_digest: string; at: number },
): DeploymentStatusEvent[] {
  if (!current || Boolean(current.update_available) === observed.update_available) return [];
  return [{ type: 'DeploymentImageUpdateObserved', data: observed }];
}

export function decideDeploymentStatus(
  current: DeploymentStatus | undefined,
  observed: { state: DeploymentState; image: string; at: number },
): DeploymentStatusEvent[] {
  if (current && current.state === observed.state && current.image === observed.image) return [];
  return [{ type: 'DeploymentStateObserved', data: observed }];
}
