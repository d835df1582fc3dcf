import type { RequestName, ResourceKind } from '@monitor/contracts';

/** What a procedure's execution may be: the catalogue's execute requests and the runner's own. */
export type ExecutionType = RequestName<'execute'> | 'Sleep' | 'None';

/** How a param is entered: a resource chosen by name, a number, or a name pattern of a batch. */
export type ParamField =
  | { param: string; input: 'resource'; kind: ResourceKind }
  | { param: string; input: 'number'; unit: string }
  | { param: string; input: 'pattern' };

const on = (param: string, kind: ResourceKind): ParamField[] => [
  { param, input: 'resource', kind },
];
const BATCH: ParamField[] = [{ param: 'pattern', input: 'pattern' }];

/**
 * The executions a stage offers and their params' fields (komodo_client 2.3.2's `Execution`):
 * the catalogue's execute requests whose params a form can hold, `Sleep` and `None`.
 */
export const EXECUTION_FIELDS: Partial<Record<ExecutionType, ParamField[]>> = {
  None: [],
  Sleep: [{ param: 'duration_ms', input: 'number', unit: 'ms' }],
  RunProcedure: on('procedure', 'Procedure'),
  BatchRunProcedure: BATCH,
  RunAction: on('action', 'Action'),
  BatchRunAction: BATCH,
  RunBuild: on('build', 'Build'),
  CancelBuild: on('build', 'Build'),
  BatchRunBuild: BATCH,
  Deploy: on('deployment', 'Deployment'),
  StartDeployment: on('deployment', 'Deployment'),
  StopDeployment: on('deployment', 'Deployment'),
  PauseDeployment: on('deployment', 'Deployment'),
  BatchDeploy: BATCH,
  DeployStack: on('stack', 'Stack'),
  StartStack: on('stack', 'Stack'),
  StopStack: on('stack', 'Stack'),
  RestartStack: on('stack', 'Stack'),
  PauseStack: on('stack', 'Stack'),
  UnpauseStack: on('stack', 'Stack'),
  PullStack: on('stack', 'Stack'),
  DestroyStack: on('stack', 'Stack'),
  BatchDeployStack: BATCH,
  BatchPullStack: BATCH,
  BatchDestroyStack: BATCH,
  CloneRepo: on('repo', 'Repo'),
  PullRepo: on('repo', 'Repo'),
  BuildRepo: on('repo', 'Repo'),
  CancelRepoBuild: on('repo', 'Repo'),
  BatchCloneRepo: BATCH,
  BatchPullRepo: BATCH,
  BatchBuildRepo: BATCH,
  PruneImages: on('server', 'Server'),
  PruneContainers: on('server', 'Server'),
  PruneNetworks: on('server', 'Server'),
  PruneVolumes: on('server', 'Server'),
  PruneSystem: on('server', 'Server'),
  TestAlerter: on('alerter', 'Alerter'),
};

export const EXECUTION_TYPES = Object.keys(EXECUTION_FIELDS) as ExecutionType[];

/** The fields of a type's params; a type the form does not know (from Komodo) has none. */
export function paramFieldsOf(type: string): ParamField[] {
  return EXECUTION_FIELDS[type as ExecutionType] ?? [];
}

/** The params a newly chosen type starts from: its fields empty, a Sleep of one second. */
export function defaultParams(type: string): Record<string, unknown> {
  return Object.fromEntries(
    paramFieldsOf(type).map((f) => [f.param, f.input === 'number' ? 1000 : '']),
  );
}

/** A number field's text as the param: a whole number, or the text itself for the server to refuse. */
export function numberParam(text: string): number | string {
  const value = Number(text);
  return text.trim() !== '' && Number.isSafeInteger(value) ? value : text;
}
