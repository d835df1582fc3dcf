import { MAX_PROCEDURE_NESTING, nestedRunProblem } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';
import { RunStream } from './run-stream';

/**
 * Refuses a nested run that would start inside itself or nest without end: the procedures of
 * the runs above it are read from their streams (each run's starter names its parent's Update,
 * which is the parent run's id), nearest first, up to the nesting limit.
 */
export async function checkNesting(
  store: EventStore,
  readModel: ReadModel,
  procedure: { id: string; name: string },
  parentUpdateId: string | undefined,
  meta: CommandMeta,
): Promise<void> {
  const ancestors: string[] = [];
  let parent = parentUpdateId;
  while (parent && ancestors.length <= MAX_PROCEDURE_NESTING) {
    const state = await new RunStream(store, parent, meta).read();
    if (state.status !== 'Active') break;
    const { procedureId, starter } = state.run;
    ancestors.push(procedureId === procedure.id ? procedure.name : nameOf(readModel, procedureId));
    parent = starter.parentUpdateId;
  }
  const problem = nestedRunProblem(
    procedure.name,
    ancestors,
    ancestors.length > MAX_PROCEDURE_NESTING,
  );
  if (problem) throw problem;
}

function nameOf(readModel: ReadModel, id: string): string {
  return readModel.resource('Procedure', id)?.name ?? id;
}
