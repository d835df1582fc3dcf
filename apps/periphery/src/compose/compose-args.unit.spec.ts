import type { Log } from '../docker/docker-shapes';
import { downCommands, joinLogs, timeoutArgs } from './compose-args';

describe('compose arguments', () => {
  it("gives --timeout only when a timeout is chosen (0 included), else compose's own", () => {
    expect(timeoutArgs(undefined)).toEqual([]);
    expect(timeoutArgs(0)).toEqual(['--timeout', '0']);
    expect(timeoutArgs(30)).toEqual(['--timeout', '30']);
  });

  it('takes the whole project down with down, its options as asked', () => {
    expect(downCommands({})).toEqual([['down']]);
    expect(downCommands({ timeout: 5, remove_volumes: true, remove_orphans: true })).toEqual([
      ['down', '--timeout', '5', '--volumes', '--remove-orphans'],
    ]);
  });

  it('takes some services down with stop then rm, each naming them', () => {
    expect(downCommands({ services: ['web', 'db'], timeout: 2, remove_volumes: true })).toEqual([
      ['stop', '--timeout', '2', 'web', 'db'],
      ['rm', '--force', '-v', 'web', 'db'],
    ]);
    expect(downCommands({ services: ['web'] })).toEqual([
      ['stop', 'web'],
      ['rm', '--force', 'web'],
    ]);
  });

  it('joins the logs of commands run in turn into one, failed if one failed', () => {
    const log = (command: string, success: boolean, start_ts: number): Log => ({
      stage: command,
      command,
      stdout: `${command} out\n`,
      stderr: '',
      success,
      start_ts,
      end_ts: start_ts + 1,
    });
    expect(joinLogs('compose down', [log('stop', true, 10), log('rm', false, 20)])).toEqual({
      stage: 'compose down',
      command: 'stop && rm',
      stdout: 'stop out\nrm out\n',
      stderr: '',
      success: false,
      start_ts: 10,
      end_ts: 21,
    });
  });
});
