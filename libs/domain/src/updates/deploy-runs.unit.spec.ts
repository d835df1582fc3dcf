import { recordedRuns, STACK_DEPLOYS } from './deploy-runs';
import type { Execution } from './update';

const run = (id: string, fields: Partial<Execution>): Execution => ({
  id,
  operation: 'DeployStack',
  target: { type: 'Stack', id: 's' },
  status: 'Complete',
  success: true,
  startTs: 0,
  logs: [],
  otherData: { contents_hash: id },
  ...fields,
});

describe('recorded runs', () => {
  it('keeps the complete, successful runs of the operations that recorded something, in order', () => {
    const runs = [
      run('running', { status: 'InProgress', otherData: undefined }),
      run('nothing-to-do', { operation: 'DeployStackIfChanged', otherData: undefined }),
      run('failed', { success: false }),
      run('stopped', { operation: 'StopStack' }),
      run('if-changed', { operation: 'DeployStackIfChanged' }),
      run('deployed', {}),
    ];
    expect(recordedRuns(runs, STACK_DEPLOYS).map((x) => x.id)).toEqual(['if-changed', 'deployed']);
  });
});
