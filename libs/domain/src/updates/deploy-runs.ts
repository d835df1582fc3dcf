import type { Execution } from './update';

/** The executions that deploy a Deployment, and a Stack: what runs comes from the newest. */
export const DEPLOYMENT_DEPLOYS = ['Deploy', 'RollbackDeployment'] as const;
export const STACK_DEPLOYS = ['DeployStack', 'DeployStackIfChanged'] as const;

/**
 * Of a target's executions (newest first), the complete, successful ones of `operations` that
 * recorded what they did (a DeployStackIfChanged that found nothing to do records nothing).
 */
export function recordedRuns(
  executions: Execution[],
  operations: readonly string[],
): (Execution & { otherData: Record<string, unknown> })[] {
  return executions.filter(
    (x): x is Execution & { otherData: Record<string, unknown> } =>
      operations.includes(x.operation) && x.status === 'Complete' && x.success && !!x.otherData,
  );
}
