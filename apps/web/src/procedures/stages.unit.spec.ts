import type { ProcedureStage } from '@monitor/contracts';
import {
  addExecution,
  addStage,
  enableExecution,
  enableStage,
  moveStage,
  removeExecution,
  removeStage,
  renameStage,
  setExecutionType,
  setParam,
} from './stages';

const two = (): ProcedureStage[] => addStage(addStage([]));

describe('procedure stage editing', () => {
  it('adds a stage named after its place, with one None execution, enabled', () => {
    const stages = two();
    expect(stages.map((s) => s.name)).toEqual(['Stage 1', 'Stage 2']);
    expect(stages[1]).toEqual({
      name: 'Stage 2',
      enabled: true,
      executions: [{ enabled: true, execution: { type: 'None', params: {} } }],
    });
  });

  it('renames, disables and removes one stage, leaving the others and the input untouched', () => {
    const stages = two();
    const renamed = renameStage(stages, 0, 'build');
    expect(renamed.map((s) => s.name)).toEqual(['build', 'Stage 2']);
    expect(stages[0].name).toBe('Stage 1');
    expect(enableStage(renamed, 1, false).map((s) => s.enabled)).toEqual([true, false]);
    expect(removeStage(renamed, 0).map((s) => s.name)).toEqual(['Stage 2']);
  });

  it('moves a stage up and down, and not beyond either end', () => {
    const stages = addStage(two());
    expect(moveStage(stages, 2, -1).map((s) => s.name)).toEqual(['Stage 1', 'Stage 3', 'Stage 2']);
    expect(moveStage(stages, 0, 1).map((s) => s.name)).toEqual(['Stage 2', 'Stage 1', 'Stage 3']);
    expect(moveStage(stages, 0, -1)).toEqual(stages);
    expect(moveStage(stages, 2, 1)).toEqual(stages);
  });

  it('adds, disables and removes executions within their stage only', () => {
    let stages = addExecution(two(), 1);
    expect(stages.map((s) => s.executions.length)).toEqual([1, 2]);
    stages = enableExecution(stages, 1, 1, false);
    expect(stages[1].executions.map((x) => x.enabled)).toEqual([true, false]);
    stages = removeExecution(stages, 1, 0);
    expect(stages[1].executions).toEqual([
      { enabled: false, execution: { type: 'None', params: {} } },
    ]);
    expect(stages[0].executions).toHaveLength(1);
  });

  it('a new type starts from its own params, keeping whether it is enabled', () => {
    let stages = enableExecution(two(), 0, 0, false);
    stages = setExecutionType(stages, 0, 0, 'Sleep');
    expect(stages[0].executions[0]).toEqual({
      enabled: false,
      execution: { type: 'Sleep', params: { duration_ms: 1000 } },
    });
    stages = setParam(stages, 0, 0, 'duration_ms', 250);
    stages = setExecutionType(stages, 0, 0, 'Deploy');
    expect(stages[0].executions[0].execution).toEqual({
      type: 'Deploy',
      params: { deployment: '' },
    });
  });

  it('sets one param of one execution', () => {
    const stages = setParam(setExecutionType(two(), 1, 0, 'BatchDeploy'), 1, 0, 'pattern', 'web-*');
    expect(stages[1].executions[0].execution.params).toEqual({ pattern: 'web-*' });
    expect(stages[0].executions[0].execution.params).toEqual({});
  });
});
