import type { LaunchStep } from '@monitor/domain';
import type { ExecutionContext } from '@monitor/executions';
import type { CloudMachines } from './cloud-machines';
import type { LaunchRecord } from './launch-record';

/** A stage of the launch's Update whose failure is recorded as the launch's, at `step`. */
export async function launchStage<T>(
  record: LaunchRecord,
  ctx: ExecutionContext,
  step: LaunchStep,
  command: string,
  work: () => Promise<{ value: T; stdout: string }>,
): Promise<T> {
  let value: T | undefined;
  try {
    await ctx.stage(step, command, async () => {
      const done = await work();
      value = done.value;
      return { stdout: done.stdout };
    });
  } catch (error) {
    const reason = ctx.redactor.redact(error instanceof Error ? error.message : String(error));
    await record.apply({ type: 'Fail', step, reason });
    throw error;
  }
  return value as T;
}

/**
 * The launch call, made once: when its answer is unclear (an error, a dropped connection), the
 * instance is looked for by the launch's mark before anything else, never launched again.
 */
export async function launchOnce(machines: CloudMachines, userData: string) {
  try {
    return { id: await machines.launch(userData), how: 'launched' };
  } catch (error) {
    const found = await machines.findLaunched().catch(() => undefined);
    if (!found) throw error;
    return {
      id: found,
      how: `launched (found by its mark after an unclear answer: ${(error as Error).message})`,
    };
  }
}
