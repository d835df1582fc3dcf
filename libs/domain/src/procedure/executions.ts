import type { ResourceKind } from '../kinds';
import type { ProcedureConfig } from './procedure.config';

/**
 * Every execution Komodo's procedures may hold (komodo_client 2.3.2, `Execution`): a type
 * outside this list is not an execution at all; one inside it that Monitor does not run yet is
 * named as such, so a config imported from Komodo says what is missing.
 */
export const KOMODO_EXECUTIONS = [
  'None', 'Sleep',
  'DeployStack', 'BatchDeployStack', 'DeployStackIfChanged', 'BatchDeployStackIfChanged',
  'PullStack', 'BatchPullStack', 'StartStack', 'RestartStack', 'PauseStack', 'UnpauseStack',
  'StopStack', 'DestroyStack', 'BatchDestroyStack', 'RunStackService',
  'Deploy', 'BatchDeploy', 'PullDeployment', 'StartDeployment', 'RestartDeployment',
  'PauseDeployment', 'UnpauseDeployment', 'StopDeployment', 'DestroyDeployment',
  'BatchDestroyDeployment',
  'RunBuild', 'BatchRunBuild', 'CancelBuild',
  'CloneRepo', 'BatchCloneRepo', 'PullRepo', 'BatchPullRepo', 'BuildRepo', 'BatchBuildRepo',
  'CancelRepoBuild',
  'RunProcedure', 'BatchRunProcedure', 'CancelProcedure',
  'RunAction', 'BatchRunAction', 'CancelAction',
  'RunSync', 'CommitSync', 'TestAlerter', 'SendAlert',
  'StartContainer', 'RestartContainer', 'PauseContainer', 'UnpauseContainer', 'StopContainer',
  'DestroyContainer', 'StartAllContainers', 'RestartAllContainers', 'PauseAllContainers',
  'UnpauseAllContainers', 'StopAllContainers', 'PruneContainers', 'DeleteNetwork',
  'PruneNetworks', 'DeleteImage', 'PruneImages', 'DeleteVolume', 'PruneVolumes',
  'PruneDockerBuilders', 'PruneBuildx', 'PruneSystem',
  'RemoveSwarmNodes', 'UpdateSwarmNode', 'RemoveSwarmStacks', 'RemoveSwarmServices',
  'CreateSwarmConfig', 'RotateSwarmConfig', 'RemoveSwarmConfigs', 'CreateSwarmSecret',
  'RotateSwarmSecret', 'RemoveSwarmSecrets',
  'ClearRepoCache', 'BackupCoreDatabase', 'GlobalAutoUpdate', 'RotateAllServerKeys',
  'RotateCoreKeys',
] as const; // prettier-ignore

/**
 * The executions only a procedure's runner knows, beside the catalogue's execute requests:
 * `RunProcedure` and `RunAction` (and their batches) are requests too, added to the catalogue by
 * the procedure and action runners, and are listed here so the check holds meanwhile.
 */
export const RUNNER_EXECUTIONS = [
  'RunProcedure',
  'BatchRunProcedure',
  'RunAction',
  'BatchRunAction',
  'Sleep',
  'None',
] as const;

/** The param that names an execution's target, by Komodo's param names, and its kind. */
export const TARGET_PARAMS: Readonly<Record<string, ResourceKind>> = {
  deployment: 'Deployment',
  stack: 'Stack',
  build: 'Build',
  repo: 'Repo',
  server: 'Server',
  procedure: 'Procedure',
  action: 'Action',
  sync: 'ResourceSync',
  alerter: 'Alerter',
  alerters: 'Alerter',
};

/** Where an execution is in a config: for error messages and their `field`. */
export interface ExecutionAddress {
  stage: number;
  stageName: string;
  execution: number;
}

/** A resource an execution names, by id or name, at `path` within the procedure's config. */
export interface ExecutionReference extends ExecutionAddress {
  type: string;
  kind: ResourceKind;
  target: string;
  /** The param, and the index within it for a list (SendAlert's `alerters`). */
  param: string;
  index?: number;
  path: string;
}

export function executionPath({ stage, execution }: ExecutionAddress, rest = ''): string {
  return `stages[${stage}].executions[${execution}].execution${rest}`;
}

/** `stage 'build', execution 2`: how a user counts (the path beside it counts from 0). */
export function describeExecution({ stageName, execution }: ExecutionAddress): string {
  return `stage '${stageName}', execution ${execution + 1}`;
}

/** Every execution of a config, enabled or not, with its address. */
export function executionsOf(
  config: Pick<ProcedureConfig, 'stages'>,
): (ExecutionAddress & { type: string; params: Record<string, unknown> })[] {
  return config.stages.flatMap((stage, s) =>
    stage.executions.map(({ execution }, e) => ({
      stage: s,
      stageName: stage.name,
      execution: e,
      type: execution.type,
      params: execution.params ?? {},
    })),
  );
}

/** What a procedure's executions name (not what a batch's pattern may match). */
export function referencedResources(config: Pick<ProcedureConfig, 'stages'>): ExecutionReference[] {
  return executionsOf(config).flatMap(({ type, params, ...address }) =>
    Object.entries(params).flatMap(([param, value]) => {
      const kind = TARGET_PARAMS[param];
      if (!kind) return [];
      const at = (target: unknown, index?: number): ExecutionReference[] => {
        if (typeof target !== 'string' || !target) return [];
        const suffix = index === undefined ? '' : `[${index}]`;
        const path = executionPath(address, `.params.${param}${suffix}`);
        return [{ ...address, type, kind, target, param, index, path }];
      };
      return Array.isArray(value) ? value.flatMap((v, i) => at(v, i)) : at(value);
    }),
  );
}

/** The config with each reference's target replaced (by its id, on write). */
export function withTargets<C extends Pick<ProcedureConfig, 'stages'>>(
  config: C,
  resolve: (reference: ExecutionReference) => string,
): C {
  const byPath = new Map(referencedResources(config).map((r) => [r.path, resolve(r)]));
  const stages = config.stages.map((stage, s) => ({
    ...stage,
    executions: stage.executions.map((enabled, e) => {
      const params = { ...(enabled.execution.params ?? {}) };
      for (const param of Object.keys(params)) {
        const path = executionPath(
          { stage: s, stageName: stage.name, execution: e },
          `.params.${param}`,
        );
        const value = params[param];
        if (Array.isArray(value))
          params[param] = value.map((v, i) => byPath.get(`${path}[${i}]`) ?? v);
        else if (byPath.has(path)) params[param] = byPath.get(path);
      }
      return { ...enabled, execution: { ...enabled.execution, params } };
    }),
  }));
  return { ...config, stages };
}
