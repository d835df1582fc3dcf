import type { ProcedureRun } from './procedure-run';
import { decideResume } from './procedure-run.resume';

const run = (changes: Partial<ProcedureRun>): ProcedureRun => ({
  runId: 'r',
  procedureId: 'p',
  updateId: 'r',
  stages: [
    { name: 'first', enabled: true, executions: [] },
    { name: 'deploy', enabled: true, executions: [] },
  ],
  starter: { by: 'user', userId: 'alice' },
  status: 'Running',
  owner: { replica: 'a', leaseUntil: 1_000 },
  stage: 1,
  stageRunning: true,
  plan: [
    { type: 'Sleep', params: { duration_ms: 5 }, configured: 0 },
    { type: 'Deploy', params: { deployment: 'web' }, configured: 2 },
  ],
  executions: [
    { stage: 1, index: 0, startedAt: 1, success: true },
    { stage: 1, index: 1, startedAt: 1, updateId: 'child' },
  ],
  ...changes,
});
const clock = { replica: 'b', resumeWindowMs: 500, leaseMs: 1_000 };

describe('decideResume: given an unfinished run found by replica b', () => {
  it('leaves it to its owner while the lease holds', () => {
    expect(decideResume(run({}), { ...clock, now: 999 })).toEqual({ action: 'leave' });
  });

  it('resumes it once the lease has run out, within the resume window', () => {
    expect(decideResume(run({}), { ...clock, now: 1_500 })).toEqual({ action: 'resume' });
  });

  it('resumes its own run at once (the same replica started again)', () => {
    expect(decideResume(run({}), { ...clock, replica: 'a', now: 10 })).toEqual({
      action: 'resume',
    });
  });

  it('past the window, ends it interrupted, saying the stage and execution', () => {
    expect(decideResume(run({}), { ...clock, now: 1_501 })).toEqual({
      action: 'interrupt',
      where: { stage: 1, execution: 1 },
      reason:
        "interrupted at stage 'deploy' (2), execution 3 (Deploy): no replica resumed it within 500 ms",
    });
  });

  it('leaves a run finished within a lease to its driver, which completes its Update', () => {
    const finished = run({ status: 'Finished', owner: undefined, finishedAt: 9_000 });
    expect(decideResume(finished, { ...clock, now: 9_999 })).toEqual({ action: 'leave' });
    expect(decideResume(finished, { ...clock, replica: 'a', now: 9_000 })).toEqual({
      action: 'leave',
    });
  });

  it('completes the Update of a run finished a lease ago or more (its driver stopped)', () => {
    const finished = run({ status: 'Finished', owner: undefined, finishedAt: 9_000 });
    expect(decideResume(finished, { ...clock, now: 10_000 })).toEqual({ action: 'complete' });
  });
});
