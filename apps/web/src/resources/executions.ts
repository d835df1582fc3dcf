import type { ResourceKind } from '../api/types';

/** An execution the resource page offers; `confirm` says what it will do, asked before it runs. */
export interface ExecutionSpec {
  request: string;
  label: string;
  confirm?: string;
}

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
    { request: 'StartDeployment', label: 'Start' },
    { request: 'RestartDeployment', label: 'Restart' },
    { request: 'PauseDeployment', label: 'Pause' },
    { request: 'UnpauseDeployment', label: 'Unpause' },
    { request: 'StopDeployment', label: 'Stop', confirm: 'Stop the container?' },
    {
      request: 'DestroyDeployment',
      label: 'Destroy',
      confirm: 'Stop and remove the container? The deployment itself stays.',
    },
  ],
  Stack: [
    { request: 'DeployStack', label: 'Deploy', confirm: 'Deploy the stack now (compose up)?' },
    {
      request: 'DeployStackIfChanged',
      label: 'Deploy if changed',
      confirm: 'Deploy the stack if its files or environment changed since the last deploy?',
    },
    { request: 'StartStack', label: 'Start' },
    { request: 'RestartStack', label: 'Restart' },
    { request: 'PauseStack', label: 'Pause' },
    { request: 'UnpauseStack', label: 'Unpause' },
    { request: 'PullStack', label: 'Pull images' },
    { request: 'StopStack', label: 'Stop', confirm: "Stop the stack's services?" },
    {
      request: 'DestroyStack',
      label: 'Destroy',
      confirm: 'Take the stack down (compose down)? Its containers are removed.',
    },
  ],
};
