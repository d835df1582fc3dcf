import { MAX_PROCEDURE_NESTING, nestedRunProblem } from './nesting';

describe('nestedRunProblem', () => {
  it('lets a run start under procedures other than itself', () => {
    expect(nestedRunProblem('deploy', ['release', 'nightly'], false)).toBeUndefined();
  });

  it('refuses a run already running above it, naming the whole cycle from the outermost', () => {
    const problem = nestedRunProblem('a', ['c', 'b', 'a', 'root'], false);
    expect(problem?.code).toBe('VALIDATION');
    expect(problem?.message).toContain('a → b → c → a');
    expect(problem?.details).toEqual({ field: 'procedure', cycle: ['a', 'b', 'c', 'a'] });
  });

  it('refuses itself as its own parent', () => {
    expect(nestedRunProblem('a', ['a'], false)?.message).toContain('a → a');
  });

  it('refuses a chain at the nesting limit, or one whose walk stopped there', () => {
    const deep = Array.from({ length: MAX_PROCEDURE_NESTING }, (_, i) => `p${i}`);
    expect(nestedRunProblem('next', deep, false)?.message).toContain(
      `deeper than ${MAX_PROCEDURE_NESTING}`,
    );
    expect(nestedRunProblem('next', ['p1'], true)?.message).toContain('not started');
    expect(nestedRunProblem('next', deep.slice(1), false)).toBeUndefined();
  });
});
