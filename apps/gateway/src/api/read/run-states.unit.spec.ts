import type { Execution } from '@monitor/domain';
import { lastSuccess, repoLink, runState } from './run-states';

let next = 0;
/** An execution of a resource; newest first is the caller's order, as the read model gives. */
function run(operation: string, status: Execution['status'], success = true, endTs?: number) {
  next += 1;
  return {
    id: `x${next}`,
    operation,
    target: { type: 'Build', id: 'b' },
    status,
    success,
    startTs: next,
    endTs,
    logs: [],
  } as Execution;
}

describe('states from runs, as Komodo decides them', () => {
  it('never run: Ok for a Build, Repo or Procedure; Unknown for a ResourceSync', () => {
    expect(runState('Build', [])).toBe('Ok');
    expect(runState('Repo', [])).toBe('Ok');
    expect(runState('Procedure', [])).toBe('Ok');
    expect(runState('ResourceSync', [])).toBe('Unknown');
  });

  it('while a run is in progress: its running state', () => {
    expect(runState('Build', [run('RunBuild', 'InProgress'), run('RunBuild', 'Complete')])).toBe(
      'Building',
    );
    expect(runState('Repo', [run('PullRepo', 'InProgress')])).toBe('Pulling');
    expect(runState('Repo', [run('CloneRepo', 'InProgress')])).toBe('Cloning');
    expect(runState('Procedure', [run('RunProcedure', 'InProgress')])).toBe('Running');
    expect(runState('ResourceSync', [run('RunSync', 'InProgress')])).toBe('Syncing');
  });

  it('after runs: Ok or Failed by the last finished one; other operations do not count', () => {
    const failed = [run('UpdateBuild', 'Complete'), run('RunBuild', 'Complete', false)];
    expect(runState('Build', failed)).toBe('Failed');
    expect(runState('Build', [run('RunBuild', 'Queued'), run('RunBuild', 'Complete')])).toBe('Ok');
    expect(runState('ResourceSync', [run('RunSync', 'Complete', false)])).toBe('Failed');
  });

  it('the last successful run ends at its end time; none is 0', () => {
    const runs = [run('PullRepo', 'Complete', false, 30), run('CloneRepo', 'Complete', true, 20)];
    expect(lastSuccess(runs, ['CloneRepo', 'PullRepo'])).toBe(20);
    expect(lastSuccess(runs, ['BuildRepo'])).toBe(0);
  });

  it('links a repository as Komodo does, to the branch on GitHub', () => {
    expect(repoLink('github.com', 'acme/app', 'main', true)).toBe(
      'https://github.com/acme/app/tree/main',
    );
    expect(repoLink('git.example.com', 'acme/app', 'main', false)).toBe(
      'http://git.example.com/acme/app',
    );
    expect(repoLink('github.com', '', 'main', true)).toBe('');
  });
});
