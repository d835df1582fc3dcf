import type {
  DeploymentState,
  ParamsOf,
  RequestName,
  ResourceKind,
  StackState,
} from '@monitor/contracts';
import type { ApiClient } from '../api/client';

/** An execution the resource page offers; `confirm` says what it will do, asked before it runs. */
export interface ExecutionSpec {
  request: RequestName<'execute'>;
  label: string;
  confirm?: string;
  /** The states it applies in, as Komodo's page offers Start only to a stopped container. */
  offeredIn?: readonly (DeploymentState | StackState | BuildStateName | RepoStateName)[];
  /** Asked before it runs (LaunchServer: the new Server's name); the answer is given to `run`. */
  prompt?: string;
  /** How the link to its Update names the run ("the launch"); the label by default. */
  following?: string;
  /** Runs it on the resource with this id. */
  run(api: ApiClient, id: string, answer?: string): Promise<unknown>;
}

/** Komodo's BuildState, as ListBuilds spells it (`Unknown`: never built). */
type BuildStateName = 'Building' | 'Ok' | 'Failed' | 'Unknown';
/** Komodo's RepoState, as ListRepos spells it. */
type RepoStateName = BuildStateName | 'Cloning' | 'Pulling';

/** The executions whose params are the one resource `P` names (`{ deployment: id }`). */
type ExecutionOn<P extends string> = {
  [N in RequestName<'execute'>]: Record<P, string> extends ParamsOf<'execute', N> ? N : never;
}[RequestName<'execute'>];

type Offer = Omit<ExecutionSpec, 'request' | 'run'>;

const onServer = (request: ExecutionOn<'server'>, offer: Offer): ExecutionSpec => ({
  request,
  ...offer,
  run: (api, server) => api.execute(request, { server }),
});
const onDeployment = (request: ExecutionOn<'deployment'>, offer: Offer): ExecutionSpec => ({
  request,
  ...offer,
  run: (api, deployment) => api.execute(request, { deployment }),
});
const onStack = (request: ExecutionOn<'stack'>, offer: Offer): ExecutionSpec => ({
  request,
  ...offer,
  run: (api, stack) => api.execute(request, { stack }),
});

const onRepo = (request: ExecutionOn<'repo'>, offer: Offer): ExecutionSpec => ({
  request,
  ...offer,
  run: (api, repo) => api.execute(request, { repo }),
});

const onAlerter = (request: ExecutionOn<'alerter'>, offer: Offer): ExecutionSpec => ({
  request,
  ...offer,
  run: (api, alerter) => api.execute(request, { alerter }),
});

const onBuild = (request: ExecutionOn<'build'>, offer: Offer): ExecutionSpec => ({
  request,
  ...offer,
  run: (api, build) => api.execute(request, { build }),
});

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

const REPO_AT_REST: RepoStateName[] = ['Ok', 'Failed', 'Unknown'];

const prune = (what: 'Containers' | 'Images' | 'Networks' | 'Volumes' | 'System') =>
  onServer(`Prune${what}`, {
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
    onDeployment('Deploy', {
      label: 'Deploy',
      confirm: 'Deploy now? A running container is replaced.',
    }),
    onDeployment('RollbackDeployment', {
      label: 'Roll back',
      confirm:
        'Put back the config the previous successful Deploy deployed, and deploy it? The current container is replaced.',
    }),
    onDeployment('StartDeployment', { label: 'Start', offeredIn: CONTAINER_DOWN }),
    onDeployment('RestartDeployment', { label: 'Restart', offeredIn: [...CONTAINER_UP, 'exited'] }),
    onDeployment('PauseDeployment', { label: 'Pause', offeredIn: ['running', 'unhealthy'] }),
    onDeployment('UnpauseDeployment', { label: 'Unpause', offeredIn: ['paused'] }),
    onDeployment('StopDeployment', {
      label: 'Stop',
      confirm: 'Stop the container?',
      offeredIn: [...CONTAINER_UP, 'paused'],
    }),
    onDeployment('DestroyDeployment', {
      label: 'Destroy',
      confirm: 'Stop and remove the container? The deployment itself stays.',
      offeredIn: [...CONTAINER_UP, ...CONTAINER_DOWN, 'paused', 'stopping'],
    }),
  ],
  Stack: [
    onStack('DeployStack', { label: 'Deploy', confirm: 'Deploy the stack now (compose up)?' }),
    onStack('DeployStackIfChanged', {
      label: 'Deploy if changed',
      confirm: 'Deploy the stack if its files or environment changed since the last deploy?',
    }),
    onStack('StartStack', { label: 'Start', offeredIn: SERVICES_DOWN }),
    onStack('RestartStack', { label: 'Restart', offeredIn: [...SERVICES_UP, 'stopped'] }),
    onStack('PauseStack', { label: 'Pause', offeredIn: ['running', 'unhealthy'] }),
    onStack('UnpauseStack', { label: 'Unpause', offeredIn: ['paused', 'unhealthy'] }),
    onStack('PullStack', { label: 'Pull images' }),
    onStack('StopStack', {
      label: 'Stop',
      confirm: "Stop the stack's services?",
      offeredIn: [...SERVICES_UP, 'paused'],
    }),
    onStack('DestroyStack', {
      label: 'Destroy',
      confirm: 'Take the stack down (compose down)? Its containers are removed.',
      offeredIn: [...SERVICES_UP, ...SERVICES_DOWN, 'paused'],
    }),
  ],
  Build: [
    onBuild('RunBuild', { label: 'Run Build', offeredIn: ['Ok', 'Failed', 'Unknown'] }),
    onBuild('CancelBuild', {
      label: 'Cancel build',
      confirm: 'Stop the running build? Nothing of it is pushed.',
      offeredIn: ['Building'],
    }),
  ],
  Repo: [
    onRepo('CloneRepo', {
      label: 'Clone',
      confirm: "Clone afresh? The repo's folder on the server is removed first.",
      offeredIn: REPO_AT_REST,
    }),
    onRepo('PullRepo', { label: 'Pull', offeredIn: REPO_AT_REST }),
    onRepo('RefreshRepoCache', { label: 'Refresh' }),
    onRepo('BuildRepo', {
      label: 'Build',
      confirm: 'Clone the repo on its Builder and run its on_clone and on_pull commands there?',
      offeredIn: REPO_AT_REST,
    }),
    onRepo('CancelRepoBuild', {
      label: 'Cancel build',
      confirm: "Stop the repo's running build?",
      offeredIn: ['Building'],
    }),
  ],
  // Sent straight to the endpoint, maintenance windows or not, as Komodo's Test button.
  Alerter: [onAlerter('TestAlerter', { label: 'Test' })],
  ServerTemplate: [
    {
      request: 'LaunchServer',
      label: 'Launch',
      prompt: 'Name of the new server',
      following: 'the launch',
      run: (api, server_template, name = '') =>
        api.execute('LaunchServer', { name: name.trim(), server_template }),
    },
  ],
};
