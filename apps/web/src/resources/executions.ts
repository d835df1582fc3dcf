import type { DeploymentState, StackState } from '@monitor/contracts';
import type { ResourceKind } from '../api/types';

/** An execution the resource page offers; `confirm` says what it will do, asked before it runs. */
export interface ExecutionSpec {
  request: string;
  label: string;
  confirm?: string;
  /** The states it applies in, as Komodo's page offers Start only to a stopped container. */
  offeredIn?: readonly (DeploymentState | StackState)[];
}

/**
 * Whether the button is offered in `state`. While the state is not known (not read yet, or the
 * server out of reach) every execution is: the gateway has the last word.
 */
export function isOffered(execution: ExecutionSpec, state: string | undefined): boolean {
  if (!execution.offeredIn || state === undefined || state === 'unknown') return true;
  return (execution.offeredIn as readonly string[]).includes(state);
}

const CONTAINER_UP: DeploymentState[] = ['running', 'unhealthy', 'restarting'];
const CONTAINER_DOWN: DeploymentState[] = ['created', 'exited', 'dead'];
const SERVICES_UP: StackState[] = ['running', 'unhealthy', 'restarting'];
const SERVICES_DOWN: StackState[] = ['stopped', 'created', 'dead', 'unhealthy'];

const prune = (what: string): ExecutionSpec => ({
  request: `Prune${what}`,
  label: `Prune ${what.toLowerCase()}`,
  confirm: `Remove the server's unused ${what.toLowerCase()}? This cannot be undone.`,
});

/** The executions the gateway answers today, per kind (docs/api.md). */
export const EXECUTIONS: Partial<Record<ResourceKind, ExecutionSpec[]>> = {
  Server: [
    prune('Containers'),
    prune('Images'),
    prune('Networks'),
    prune('Volumes'),
    prune('System'),
  ],
  Deployment: [
    { request: 'Deploy', label: 'Deploy', confirm: 'Deploy now? A running container is replaced.' },
    {
      request: 'RollbackDeployment',
      label: 'Roll back',
      confirm:
        'Put back the config the previous successful Deploy deployed, and deploy it? The current container is replaced.',
    },
    { request: 'StartDeployment', label: 'Start', offeredIn: CONTAINER_DOWN },
    { request: 'RestartDeployment', label: 'Restart', offeredIn: [...CONTAINER_UP, 'exited'] },
    { request: 'PauseDeployment', label: 'Pause', offeredIn: ['running', 'unhealthy'] },
    { request: 'UnpauseDeployment', label: 'Unpause', offeredIn: ['paused'] },
    {
      request: 'StopDeployment',
      label: 'Stop',
      confirm: 'Stop the container?',
      offeredIn: [...CONTAINER_UP, 'paused'],
    },
    {
      request: 'DestroyDeployment',
      label: 'Destroy',
      confirm: 'Stop and remove the container? The deployment itself stays.',
      offeredIn: [...CONTAINER_UP, ...CONTAINER_DOWN, 'paused', 'stopping'],
    },
  ],
  Stack: [
    { request: 'DeployStack', label: 'Deploy', confirm: 'Deploy the stack now (compose up)?' },
    {
      request: 'DeployStackIfChanged',
      label: 'Deploy if changed',
      confirm: 'Deploy the stack if its files or environment changed since the last deploy?',
    },
    { request: 'StartStack', label: 'Start', offeredIn: SERVICES_DOWN },
    { request: 'RestartStack', label: 'Restart', offeredIn: [...SERVICES_UP, 'stopped'] },
    { request: 'PauseStack', label: 'Pause', offeredIn: ['running', 'unhealthy'] },
    { request: 'UnpauseStack', label: 'Unpause', offeredIn: ['paused', 'unhealthy'] },
    { request: 'PullStack', label: 'Pull images' },
    {
      request: 'StopStack',
      label: 'Stop',
      confirm: "Stop the stack's services?",
      offeredIn: [...SERVICES_UP, 'paused'],
    },
    {
      request: 'DestroyStack',
      label: 'Destroy',
      confirm: 'Take the stack down (compose down)? Its containers are removed.',
      offeredIn: [...SERVICES_UP, ...SERVICES_DOWN, 'paused'],
    },
  ],
};
