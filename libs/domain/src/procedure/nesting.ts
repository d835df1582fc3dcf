import { DomainError, invalid } from '../shared/domain-error';
import { cyclePath } from './cycles';

/** How deep RunProcedure may nest: far past any real procedure, short of a runaway chain. */
export const MAX_PROCEDURE_NESTING = 16;

/**
 * Whether a nested run may start. Writes refuse a cycle through RunProcedure, but two writers
 * racing (A names B while B is being made to name A) can each pass their check; a run then
 * refuses to start inside itself rather than nest for ever. `ancestors`: the procedures of the
 * runs above it, nearest first, as names; `truncated` when the walk stopped at the depth limit.
 */
export function nestedRunProblem(
  procedure: string,
  ancestors: string[],
  truncated: boolean,
): DomainError | undefined {
  const at = ancestors.indexOf(procedure);
  if (at >= 0) {
    const path = [procedure, ...ancestors.slice(0, at + 1)].reverse();
    return invalid(
      `Procedure '${procedure}' is already running in this chain of procedures: ${cyclePath(path)}; remove the RunProcedure that closes the cycle`,
      { field: 'procedure', cycle: path },
    );
  }
  if (truncated || ancestors.length >= MAX_PROCEDURE_NESTING)
    return invalid(
      `procedures nest deeper than ${MAX_PROCEDURE_NESTING} runs (${cyclePath([...ancestors].reverse())} → ${procedure}): not started`,
      { field: 'procedure' },
    );
  return undefined;
}
