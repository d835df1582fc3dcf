import type { EnabledExecution, ProcedureStage } from '@monitor/contracts';
import { defaultParams } from './execution-fields';

/** Pure edits of a procedure's stages: each answers new stages, the old ones untouched. */
type Stages = readonly ProcedureStage[];

const at = <T>(list: readonly T[], i: number, change: (t: T) => T): T[] =>
  list.map((t, j) => (j === i ? change(t) : t));

/** A new stage, named after its place, with one execution that does nothing yet. */
export function addStage(stages: Stages): ProcedureStage[] {
  const stage: ProcedureStage = {
    name: `Stage ${stages.length + 1}`,
    enabled: true,
    executions: [newExecution('None')],
  };
  return [...stages, stage];
}

export function removeStage(stages: Stages, i: number): ProcedureStage[] {
  return stages.filter((_, j) => j !== i);
}

/** Moves stage `i` by `by` places (-1: up); outside the list, nothing moves. */
export function moveStage(stages: Stages, i: number, by: number): ProcedureStage[] {
  const to = i + by;
  if (i < 0 || i >= stages.length || to < 0 || to >= stages.length) return [...stages];
  const moved = [...stages];
  [moved[i], moved[to]] = [moved[to], moved[i]];
  return moved;
}

export function renameStage(stages: Stages, i: number, name: string): ProcedureStage[] {
  return at(stages, i, (s) => ({ ...s, name }));
}

export function enableStage(stages: Stages, i: number, enabled: boolean): ProcedureStage[] {
  return at(stages, i, (s) => ({ ...s, enabled }));
}

export function newExecution(type: string): EnabledExecution {
  return { enabled: true, execution: { type, params: defaultParams(type) } };
}

export function addExecution(stages: Stages, i: number): ProcedureStage[] {
  return at(stages, i, (s) => ({ ...s, executions: [...s.executions, newExecution('None')] }));
}

export function removeExecution(stages: Stages, i: number, e: number): ProcedureStage[] {
  return at(stages, i, (s) => ({ ...s, executions: s.executions.filter((_, j) => j !== e) }));
}

function changeExecution(
  stages: Stages,
  i: number,
  e: number,
  change: (x: EnabledExecution) => EnabledExecution,
): ProcedureStage[] {
  return at(stages, i, (s) => ({ ...s, executions: at(s.executions, e, change) }));
}

export function enableExecution(stages: Stages, i: number, e: number, enabled: boolean) {
  return changeExecution(stages, i, e, (x) => ({ ...x, enabled }));
}

/** Another type starts from its own params: the old type's would be refused. */
export function setExecutionType(stages: Stages, i: number, e: number, type: string) {
  return changeExecution(stages, i, e, (x) => ({ ...newExecution(type), enabled: x.enabled }));
}

export function setParam(stages: Stages, i: number, e: number, param: string, value: unknown) {
  return changeExecution(stages, i, e, (x) => ({
    ...x,
    execution: { ...x.execution, params: { ...x.execution.params, [param]: value } },
  }));
}
