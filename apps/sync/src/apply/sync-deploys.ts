import { ACTING_SUBJECT, type ActingRequest, type BusClient } from '@monitor/bus';
import { DEPLOYMENT_REQUESTS, STACK_REQUESTS } from '@monitor/contracts';
import { resourceKey, type DeployTarget } from '@monitor/domain';
import { completion, StageFailed, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';

/** How long one deploy may take before the sync stops waiting for it. */
const DEPLOY_TIMEOUT_MS = 30 * 60_000;

/**
 * The plan's deploys, after its changes: each Deploy or DeployStack sent for the runner, as
 * soon as every target in its `after` has deployed, across servers at once. A target whose own
 * change did not apply, or one of whose `after` did not deploy, is skipped with the reason.
 * Answers how many did not deploy.
 */
export async function runDeploys(
  ctx: ExecutionContext,
  deps: { bus: BusClient; readModel: ReadModel },
  deploys: DeployTarget[],
  notApplied: ReadonlySet<string>,
  meta: CommandMeta,
): Promise<number> {
  const outcomes = new Map<string, Promise<boolean>>();
  const keyOf = (t: DeployTarget['target']) => resourceKey(t.type, t.id);
  const deployOne = async (deploy: DeployTarget): Promise<boolean> => {
    const waited = await Promise.all(
      deploy.after.map(async (t) => [keyOf(t), await (outcomes.get(keyOf(t)) ?? true)] as const),
    );
    const blocker =
      [...notApplied].find((k) => k === keyOf(deploy.target)) ?? waited.find(([, ok]) => !ok)?.[0];
    const label = `Deploy ${deploy.target.type} '${deploy.target.id}'`;
    try {
      await ctx.stage(label, deploy.reason, async () => {
        if (blocker) return { stderr: `skipped: ${blocker} did not apply`, success: false };
        const update = await send(deps, deploy.target, meta);
        const done = await completion(deps.readModel, update, DEPLOY_TIMEOUT_MS);
        const outcome = `Update ${update}: ${done.success ? 'succeeded' : 'failed'}`;
        return done.success
          ? { stdout: outcome }
          : { stdout: outcome, stderr: outcome, success: false };
      });
      return true;
    } catch (error) {
      if (error instanceof StageFailed) return false;
      throw error;
    }
  };
  // In rounds: a target comes after every target it waits for, so each finds their outcomes.
  for (const deploy of deploys) outcomes.set(keyOf(deploy.target), deployOne(deploy));
  const results = await Promise.all(outcomes.values());
  return results.filter((ok) => !ok).length;
}

async function send(
  { bus }: { bus: BusClient },
  target: DeployTarget['target'],
  meta: CommandMeta,
): Promise<string> {
  const [name, param] =
    target.type === 'Stack'
      ? [STACK_REQUESTS.DeployStack.name, 'stack']
      : [DEPLOYMENT_REQUESTS.Deploy.name, 'deployment'];
  const acting: ActingRequest<CommandMeta> = {
    verb: 'execute',
    name,
    params: { [param]: target.id },
    meta,
  };
  const update = await bus.request<{ _id: { $oid: string } }>(ACTING_SUBJECT, acting);
  return update._id.$oid;
}
