import { EXECUTION_TYPES, defaultParams, numberParam, paramFieldsOf } from './execution-fields';

describe('the param fields of each execution type', () => {
  it('offers Sleep, None and the catalogue execute requests a procedure may hold', () => {
    expect(EXECUTION_TYPES).toEqual(
      expect.arrayContaining(['None', 'Sleep', 'RunProcedure', 'BatchDeploy', 'RunAction']),
    );
    expect(EXECUTION_TYPES).not.toContain('CancelProcedure');
  });

  it("Sleep's duration is a number of milliseconds, starting at one second", () => {
    expect(paramFieldsOf('Sleep')).toEqual([{ param: 'duration_ms', input: 'number', unit: 'ms' }]);
    expect(defaultParams('Sleep')).toEqual({ duration_ms: 1000 });
  });

  it('a resource param is picked among resources of its kind', () => {
    expect(paramFieldsOf('Deploy')).toEqual([
      { param: 'deployment', input: 'resource', kind: 'Deployment' },
    ]);
    expect(paramFieldsOf('RunProcedure')).toEqual([
      { param: 'procedure', input: 'resource', kind: 'Procedure' },
    ]);
    expect(paramFieldsOf('PruneImages')).toEqual([
      { param: 'server', input: 'resource', kind: 'Server' },
    ]);
  });

  it('a batch takes a name pattern; None and an unknown type take nothing', () => {
    for (const type of ['BatchDeploy', 'BatchRunProcedure', 'BatchDeployStack'])
      expect(paramFieldsOf(type)).toEqual([{ param: 'pattern', input: 'pattern' }]);
    expect(paramFieldsOf('None')).toEqual([]);
    expect(paramFieldsOf('RotateCoreKeys')).toEqual([]);
    expect(defaultParams('BatchDeploy')).toEqual({ pattern: '' });
  });

  it('a number field gives a whole number, or its text for the server to refuse by name', () => {
    expect(numberParam('250')).toBe(250);
    expect(numberParam('2.5')).toBe('2.5');
    expect(numberParam('')).toBe('');
    expect(numberParam('soon')).toBe('soon');
  });
});
