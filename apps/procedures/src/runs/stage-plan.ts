import type { PlannedExecution, ProcedureStage } from '@monitor/domain';
import { batchTargets } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { executeEntry, type StarterAccess } from './starter-access';

const BATCH = 'Batch';

/**
 * What a stage runs, decided when it starts: its enabled executions, each `Batch<X>` replaced by
 * `X` on every resource its pattern picks that the run's user may execute (as the gateway's
 * batches), so that a resumed run runs what was picked then.
 */
export function planStage(
  readModel: ReadModel,
  access: StarterAccess,
  userId: string,
  stage: ProcedureStage,
): PlannedExecution[] {
  return stage.executions.flatMap(({ execution, enabled }, configured) => {
    if (!enabled) return [];
    const { type } = execution;
    const params = execution.params ?? {};
    const single = type.startsWith(BATCH) ? executeEntry(type.slice(BATCH.length)) : undefined;
    if (!single || single.access.type !== 'resource' || !single.access.kind)
      return [{ type, params, configured }];
    const { kind, param } = single.access;
    const selection = {
      pattern: String(params.pattern ?? ''),
      tags: Array.isArray(params.tags) ? params.tags.map(String) : [],
    };
    return batchTargets(readModel, kind, selection, (r) => access.may(userId, r)).map((r) => ({
      type: single.name,
      params: { [param]: r.id },
      configured,
    }));
  });
}
