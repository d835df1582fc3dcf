import { evolveDeploymentStatus, type DeploymentStatus } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/** Each deployment's last observed container state and image. */
export class DeploymentStatusModel {
  private readonly statuses = new Map<string, DeploymentStatus>();

  handles(stream: string): boolean {
    return stream.startsWith('deploymentstatus-');
  }

  apply(event: StoredEvent): void {
    const id = event.stream.slice('deploymentstatus-'.length);
    const next = evolveDeploymentStatus(this.statuses.get(id), event);
    if (next) this.statuses.set(id, next);
  }

  status(deploymentId: string): DeploymentStatus | undefined {
    return this.statuses.get(deploymentId);
  }
}
