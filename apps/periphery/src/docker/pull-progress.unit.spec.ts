import { summarizePull } from './pull-progress';

describe('summarizePull', () => {
  it('keeps the statuses and drops the moving progress bars', () => {
    const outcome = summarizePull([
      { status: 'Pulling from team/app', id: 'v1' },
      { status: 'Pulling fs layer', id: 'ab12' },
      { status: 'Downloading', id: 'ab12', progressDetail: { current: 10, total: 100 } },
      { status: 'Downloading', id: 'ab12', progressDetail: { current: 100, total: 100 } },
      { status: 'Pull complete', id: 'ab12' },
      { status: 'Pull complete', id: 'ab12' },
      { status: 'Digest: sha256:00' },
      { status: 'Status: Downloaded newer image for team/app:v1' },
    ]);
    expect(outcome).toEqual({
      lines: [
        'v1: Pulling from team/app',
        'ab12: Pulling fs layer',
        'ab12: Pull complete',
        'Digest: sha256:00',
        'Status: Downloaded newer image for team/app:v1',
      ],
    });
  });

  it('reports an error line of the stream', () => {
    const outcome = summarizePull([
      { status: 'Pulling from team/app', id: 'v1' },
      { error: 'short', errorDetail: { message: 'manifest unknown' } },
    ]);
    expect(outcome.error).toBe('manifest unknown');
  });
});
