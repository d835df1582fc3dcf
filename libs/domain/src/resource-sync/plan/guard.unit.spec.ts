import { declared, declaredVariable, existing, planOf, summary, variable } from './plan.fixtures';

/** `total` servers exist, the files keep all but `dropped` of them. */
function dropping(dropped: number, total: number) {
  const names = Array.from({ length: total }, (_, i) => `s${String(i).padStart(3, '0')}`);
  return planOf({
    resources: names.map((n) => existing('Server', n)),
    declared: { resources: names.slice(dropped).map((n) => declared('Server', n)) },
  });
}

describe('deleteGuard', () => {
  it('given 100 resources in scope, when 5 are dropped, then no confirmation is needed', () => {
    expect(dropping(5, 100).guard).toEqual({
      deletes: 5,
      scope: 100,
      needsConfirm: false,
      declaresNothing: false,
      withheld: 0,
    });
  });

  it('given 100 resources in scope, when 6 are dropped, then confirm_deletes is needed', () => {
    expect(dropping(6, 100).guard).toMatchObject({ deletes: 6, needsConfirm: true });
  });

  it('given 20 in scope, when 5 (a quarter) are dropped, then no confirmation; given 19, then one is needed', () => {
    expect(dropping(5, 20).guard).toMatchObject({ deletes: 5, scope: 20, needsConfirm: false });
    expect(dropping(5, 19).guard).toMatchObject({ deletes: 5, scope: 19, needsConfirm: true });
  });

  it('given 40 in scope, when a commit drops 30, then the 30 deletes need confirming', () => {
    expect(dropping(30, 40).guard).toMatchObject({ deletes: 30, needsConfirm: true });
  });

  it('given resources and variables, when the files declare nothing at all (empty folder, wrong path), then nothing is deleted and the deletes are counted as withheld', () => {
    const plan = planOf({
      resources: [existing('Server', 'a'), existing('Stack', 'b')],
      variables: [variable('V', '1')],
    });
    expect(summary(plan)).toEqual([]);
    expect(plan.steps).toEqual([]);
    expect(plan.guard).toEqual({
      deletes: 0,
      scope: 3,
      needsConfirm: false,
      declaresNothing: true,
      withheld: 3,
    });
  });

  it('given files declaring only a variable, when resources are no longer declared, then they are deleted (the set is not empty) and counted', () => {
    const plan = planOf({
      resources: [existing('Server', 'a')],
      variables: [variable('V', '1')],
      declared: { variables: [declaredVariable('V', { value: '1' })] },
    });
    expect(summary(plan)).toEqual(['Delete Server:a']);
    expect(plan.guard).toMatchObject({ deletes: 1, scope: 2, needsConfirm: true });
  });
});
