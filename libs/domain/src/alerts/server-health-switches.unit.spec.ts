import { defaultServerConfig } from '../server/server.config';
import { disk, play, server, up, ups, down, type Poll } from './server-health.fixtures';
import { evaluateServerHealth } from './server-health';

describe('server health: switches and disks', () => {
  it.each<[string, Poll[], string[]]>([
    [
      'a switched-off type opens nothing',
      [{ ...up(100), config: { send_cpu_alerts: false } }, up(100), up(100)],
      ['-', '-', '-'],
    ],
    [
      'switching a type off resolves its open alert at once',
      [...ups(100, 100), { ...up(100), config: { send_cpu_alerts: false } }],
      ['-', 'open ServerCpu#1 CRITICAL', 'resolve ServerCpu#1'],
    ],
    [
      'switching unreachable alerts off resolves while still unreachable',
      [down, down, { ...down, config: { send_unreachable_alerts: false } }, down],
      ['-', 'open ServerUnreachable#1 CRITICAL', 'resolve ServerUnreachable#1', '-'],
    ],
    [
      'stats_monitoring off resolves cpu, memory and disk alerts',
      [
        up(100, [disk('/', 99)]),
        up(100, [disk('/', 99)]),
        { ...up(100), config: { stats_monitoring: false } },
      ],
      [
        '-',
        'open ServerCpu#1 CRITICAL, open ServerDisk:/#2 CRITICAL',
        'resolve ServerCpu#1, resolve ServerDisk:/#2',
      ],
    ],
    [
      'disks alert per mount',
      [
        up(1, [disk('/', 80), disk('/data', 99)]),
        up(1, [disk('/', 80), disk('/data', 99)]),
        up(1, [disk('/', 80), disk('/data', 10)]),
        up(1, [disk('/', 80), disk('/data', 10)]),
      ],
      [
        '-',
        'open ServerDisk:/#1 WARNING, open ServerDisk:/data#2 CRITICAL',
        '-',
        'resolve ServerDisk:/data#2',
      ],
    ],
    [
      'ignored mounts open nothing',
      [
        { ...up(1, [disk('/boot', 99)]), config: { ignore_mounts: ['/boot'] } },
        up(1, [disk('/boot', 99)]),
      ],
      ['-', '-'],
    ],
    [
      'ignoring a mount resolves its alert at once',
      [
        up(1, [disk('/boot', 99)]),
        up(1, [disk('/boot', 99)]),
        { ...up(1, [disk('/boot', 99)]), config: { ignore_mounts: ['/boot'] } },
      ],
      ['-', 'open ServerDisk:/boot#1 CRITICAL', 'resolve ServerDisk:/boot#1'],
    ],
    [
      'a mount that disappears resolves like a clear one',
      [up(1, [disk('/mnt', 99)]), up(1, [disk('/mnt', 99)]), up(1), up(1)],
      ['-', 'open ServerDisk:/mnt#1 CRITICAL', '-', 'resolve ServerDisk:/mnt#1'],
    ],
  ])('%s', (_name, polls, expected) => {
    expect(play(polls).log).toEqual(expected);
  });

  it('takes its rules from the caller', () => {
    expect(play(ups(95, 50), { openAfter: 1, resolveAfter: 1 }).log).toEqual([
      'open ServerCpu#1 WARNING',
      'resolve ServerCpu#1',
    ]);
    expect(play(ups(95, 95, 88, 88), { margin: 1 }).log).toEqual([
      '-',
      'open ServerCpu#1 WARNING',
      '-',
      'resolve ServerCpu#1',
    ]);
  });

  it('resolves a duplicate open alert and leaves other alert types alone', () => {
    const cpu = { type: 'ServerCpu' as const, data: { ...server, percentage: 95 } };
    const other = {
      type: 'StackStateChange' as const,
      data: { id: 'x', name: 'x', from: 'running', to: 'down' },
    };
    const { decisions } = evaluateServerHealth({
      server: { ...server, config: defaultServerConfig() },
      observation: up(95),
      open: [
        { id: 'a1', level: 'WARNING', data: cpu },
        { id: 'a2', level: 'WARNING', data: cpu },
        { id: 'a3', level: 'WARNING', data: other },
      ],
    });
    expect(decisions).toEqual([{ action: 'Resolve', alertId: 'a2', data: cpu }]);
  });
});
