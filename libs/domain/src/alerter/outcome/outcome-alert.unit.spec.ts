import type { Execution, ExecutionLog } from '../../updates/update';
import { logTail } from './log-tail';
import { outcomeAlert } from './outcome-alert';

const UPDATE_ID = '65f0a1b2c3d4e5f601234567';
const log = (stage: string, success: boolean, stderr = ''): ExecutionLog => ({
  stage,
  command: stage,
  stdout: `${stage} ran\n`,
  stderr,
  success,
  start_ts: 1,
  end_ts: 2,
});
const update = (
  operation: string,
  type: string,
  success: boolean,
  extra: Partial<Execution> = {},
): Execution => ({
  id: UPDATE_ID,
  operation,
  target: { type, id: 'r1' },
  status: 'Complete',
  success,
  startTs: 1_000,
  endTs: 5_000,
  logs: success
    ? [log('run', true)]
    : [log('prepare', true), log('pull image', false, 'manifest unknown\n'), log('after', false)],
  ...extra,
});
const about = { name: 'web', server_id: 's1', server_name: 'prod-1' };
const failure = { stage: 'pull image', log_tail: 'pull image ran\nmanifest unknown' };

describe('outcome alerts', () => {
  it.each([
    [
      'Deploy',
      'Deployment',
      true,
      'DeploymentDeployed',
      'OK',
      { id: 'r1', name: 'web', server_id: 's1', server_name: 'prod-1' },
    ],
    [
      'Deploy',
      'Deployment',
      false,
      'DeploymentDeployFailed',
      'CRITICAL',
      { id: 'r1', name: 'web', server_id: 's1', server_name: 'prod-1', ...failure },
    ],
    [
      'DeployStack',
      'Stack',
      true,
      'StackDeployed',
      'OK',
      { id: 'r1', name: 'web', server_id: 's1', server_name: 'prod-1' },
    ],
    [
      'DeployStack',
      'Stack',
      false,
      'StackDeployFailed',
      'CRITICAL',
      { id: 'r1', name: 'web', server_id: 's1', server_name: 'prod-1', ...failure },
    ],
    [
      'DeployStackIfChanged',
      'Stack',
      false,
      'StackDeployFailed',
      'CRITICAL',
      { id: 'r1', name: 'web', server_id: 's1', server_name: 'prod-1', ...failure },
    ],
    [
      'RunBuild',
      'Build',
      true,
      'BuildSucceeded',
      'OK',
      { id: 'r1', name: 'web', version: { major: 1, minor: 2, patch: 3 } },
    ],
    [
      'RunBuild',
      'Build',
      false,
      'BuildFailed',
      'CRITICAL',
      { id: 'r1', name: 'web', version: { major: 1, minor: 2, patch: 3 }, ...failure },
    ],
    [
      'BuildRepo',
      'Repo',
      false,
      'RepoBuildFailed',
      'CRITICAL',
      { id: 'r1', name: 'web', ...failure },
    ],
    [
      'RunProcedure',
      'Procedure',
      false,
      'ProcedureFailed',
      'CRITICAL',
      { id: 'r1', name: 'web', ...failure },
    ],
    [
      'RunAction',
      'Action',
      false,
      'ActionFailed',
      'CRITICAL',
      { id: 'r1', name: 'web', ...failure },
    ],
  ])('%s on a %s, success %p: %s at %s', (operation, kind, success, type, level, data) => {
    const otherData = { version: { major: 1, minor: 2, patch: 3 } };
    expect(outcomeAlert(update(operation, kind, success, { otherData }), about)).toEqual({
      id: UPDATE_ID,
      ts: 5_000,
      resolved: true,
      resolved_ts: 5_000,
      level,
      target: { type: kind, id: 'r1' },
      data: { type, data },
    });
  });

  it.each([
    ['BuildRepo', 'Repo'],
    ['RunProcedure', 'Procedure'],
    ['RunAction', 'Action'],
  ])('a successful %s raises nothing', (operation, kind) => {
    expect(outcomeAlert(update(operation, kind, true), about)).toBeUndefined();
  });

  it('raises nothing for other operations, unfinished Updates or a mismatched target', () => {
    expect(outcomeAlert(update('PruneImages', 'Server', false), about)).toBeUndefined();
    expect(outcomeAlert(update('RunAction', 'Procedure', false), about)).toBeUndefined();
    expect(
      outcomeAlert(update('Deploy', 'Deployment', false, { status: 'InProgress' }), about),
    ).toBeUndefined();
    expect(outcomeAlert(update('Deploy', 'Stack', false), about)).toBeUndefined();
  });

  it('a cancelled build tells nothing, as in Komodo', () => {
    const logs = [log('clone', true), log('Build Cancelled', false)];
    expect(outcomeAlert(update('RunBuild', 'Build', false, { logs }), about)).toBeUndefined();
  });

  it('a cancelled action tells nothing', () => {
    const logs = [log('Execute Action', false), log('Action Cancelled', false)];
    expect(outcomeAlert(update('RunAction', 'Action', false, { logs }), about)).toBeUndefined();
  });

  it('a DeployStackIfChanged that found no change tells nothing; one that deployed does', () => {
    expect(outcomeAlert(update('DeployStackIfChanged', 'Stack', true), about)).toBeUndefined();
    const deployed = update('DeployStackIfChanged', 'Stack', true, {
      otherData: { config_revision: 4 },
    });
    expect(outcomeAlert(deployed, about)?.data.type).toBe('StackDeployed');
  });

  it('the same Update raises the same alert: a replay is one alert', () => {
    const once = outcomeAlert(update('Deploy', 'Deployment', false), about);
    expect(outcomeAlert(update('Deploy', 'Deployment', false), about)).toEqual(once);
  });

  it('a failure before any stage names none; a deployment without a server names none', () => {
    const alert = outcomeAlert(update('Deploy', 'Deployment', false, { logs: [] }), {
      name: 'web',
    });
    expect(alert?.data).toEqual({
      type: 'DeploymentDeployFailed',
      data: { id: 'r1', name: 'web', stage: '', log_tail: '' },
    });
  });
});

describe('log tail', () => {
  it('keeps the last 20 lines, stderr last', () => {
    const stdout = Array.from({ length: 30 }, (_, i) => `out ${i}`).join('\n');
    const tail = logTail({ stdout, stderr: 'error: denied\n' }).split('\n');
    expect(tail).toHaveLength(20);
    expect(tail[0]).toBe('out 11');
    expect(tail.at(-1)).toBe('error: denied');
  });

  it('keeps at most 2 KiB, whole lines, and something of one huge line', () => {
    const stdout = Array.from({ length: 20 }, (_, i) => `${i} ${'é'.repeat(100)}`).join('\n');
    const tail = logTail({ stdout, stderr: '' });
    expect(new TextEncoder().encode(tail).length).toBeLessThanOrEqual(2048);
    expect(tail.split('\n').at(-1)).toBe(`19 ${'é'.repeat(100)}`);
    expect(tail.split('\n').every((line) => /^\d+ é{100}$/.test(line))).toBe(true);
    const huge = logTail({ stdout: 'x'.repeat(100_000), stderr: '' });
    expect(huge.startsWith('x'.repeat(512))).toBe(true);
    expect(huge.length).toBeLessThan(600);
  });
});
