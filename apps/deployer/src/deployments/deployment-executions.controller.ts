import { MessagePattern } from '@nestjs/microservices';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  DeploymentActionDto,
  DeployDto,
  requireValid,
  RollbackDeploymentDto,
  DEPLOYMENT_REQUESTS,
} from '@monitor/contracts';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import {
  CONTAINER_ACTIONS,
  DeploymentExecutions,
  type ContainerAction,
} from './deployment-executions';
import { registerMessageHandlers } from '@monitor/runtime';

const queue = QUEUE_GROUPS.deployer;
type Envelope = { params: unknown; meta: CommandMeta };

/** `exec.deployment.<Execution>`: each answers `{ id, position }` of its Update at once. */
@BusController()
export class DeploymentExecutionsController {
  constructor(readonly executions: DeploymentExecutions) {}

  @MessagePattern(execSubject('Deployment', DEPLOYMENT_REQUESTS.Deploy.name), { queue })
  deploy({ params, meta }: Envelope): Promise<WriteResult> {
    return this.executions.deploy(requireValid(DeployDto, params).deployment, meta);
  }

  @MessagePattern(execSubject('Deployment', DEPLOYMENT_REQUESTS.RollbackDeployment.name), { queue })
  rollback({ params, meta }: Envelope): Promise<WriteResult> {
    const { deployment, revision } = requireValid(RollbackDeploymentDto, params);
    return this.executions.rollback(deployment, meta, revision);
  }
}

registerMessageHandlers(
  DeploymentExecutionsController,
  (Object.keys(CONTAINER_ACTIONS) as ContainerAction[]).map((action) => ({
    method: action,
    subject: execSubject('Deployment', DEPLOYMENT_REQUESTS[action].name),
    queue,
    run(this: DeploymentExecutionsController, { params, meta }: Envelope) {
      const { deployment, signal, time } = requireValid(DeploymentActionDto, params);
      return this.executions.action(action, deployment, meta, { signal, time });
    },
  })),
);
