import { defaultServerConfig } from '../server/server.config';
import { down, play, server, up, ups, type Poll } from './server-health.fixtures';
import { evaluateServerHealth } from './server-health';

describe('server health: hysteresis', () => {
  // Default thresholds: cpu 90 / 99, memory 75 / 95, disk 75 / 95; margin 5; 2 polls each way.
  it.each<[string, Poll[], string[]]>([
    [
      'cpu crosses warning, then critical, then back down',
      ups(50, 92, 93, 99.5, 99.7, 95, 93, 92, 80, 80),
      [
        '-',
        '-',
        'open ServerCpu#1 WARNING',
        '-',
        'ServerCpu#1 WARNING->CRITICAL',
        '-', // 95 is under 99 but not under 99 - 5: still critical
        '-',
        'ServerCpu#1 CRITICAL->WARNING',
        '-',
        'resolve ServerCpu#1',
      ],
    ],
    [
      'a jump straight to critical opens critical',
      ups(100, 100),
      ['-', 'open ServerCpu#1 CRITICAL'],
    ],
    [
      'a warning poll then a critical one opens at warning, the level both reached',
      ups(92, 100, 100),
      ['-', 'open ServerCpu#1 WARNING', 'ServerCpu#1 WARNING->CRITICAL'],
    ],
    [
      'a fall from critical through the dead band resolves only when clear twice',
      [...ups(100, 100), ...ups(88, 80, 80)],
      [
        '-',
        'open ServerCpu#1 CRITICAL',
        '-',
        'ServerCpu#1 CRITICAL->WARNING',
        'resolve ServerCpu#1',
      ],
    ],
    ['a single spike opens nothing', ups(50, 100, 50, 100, 50), ['-', '-', '-', '-', '-']],
    [
      'the dead band under the warning threshold breaks an opening streak',
      ups(91, 87, 91, 87),
      ['-', '-', '-', '-'],
    ],
    [
      'memory is used / total',
      [up(1, [], 7.8), up(1, [], 7.8), up(1, [], 6.4), up(1, [], 6.4)],
      ['-', 'open ServerMem#1 CRITICAL', '-', 'ServerMem#1 CRITICAL->WARNING'],
    ],
  ])('%s', (_name, polls, expected) => {
    expect(play(polls).log).toEqual(expected);
  });

  it('a value oscillating around a threshold opens at most one alert', () => {
    const around = (threshold: number) =>
      Array.from({ length: 40 }, (_, i) => threshold + (i % 2 === 0 ? 2 : -2) * (1 + (i % 3)));
    for (const threshold of [90, 99]) {
      const { opened, log } = play(ups(...around(threshold)));
      expect(opened).toBeLessThanOrEqual(1);
      expect(log.filter((line) => line.includes('->'))).toEqual([]);
    }
    const settled = play(ups(92, 92, ...around(90)));
    expect(settled.opened).toBe(1);
    expect(settled.open.size).toBe(1);
  });
});

describe('server health: unreachable', () => {
  it.each<[string, Poll[], string[]]>([
    [
      'two failed polls open; two good ones resolve',
      [down, up(1), down, down, down, up(1), up(1)],
      ['-', '-', '-', 'open ServerUnreachable#1 CRITICAL', '-', '-', 'resolve ServerUnreachable#1'],
    ],
    [
      'one good poll among failures resolves nothing',
      [down, down, up(1), down, up(1), up(1)],
      ['-', 'open ServerUnreachable#1 CRITICAL', '-', '-', '-', 'resolve ServerUnreachable#1'],
    ],
    [
      'an unreachable poll breaks a cpu streak and keeps a cpu alert',
      [up(95), down, up(95), ...ups(95, 95), down, up(95)],
      ['-', '-', '-', 'open ServerCpu#1 WARNING', '-', '-', '-'],
    ],
  ])('%s', (_name, polls, expected) => {
    expect(play(polls).log).toEqual(expected);
  });

  it('carries the error and the region as Komodo does', () => {
    const config = { ...defaultServerConfig(), region: 'eu-1' };
    const { decisions } = evaluateServerHealth({
      server: { ...server, config },
      observation: down,
      open: [],
      pending: { ServerUnreachable: [{ raised: 'CRITICAL', held: 'CRITICAL' }] },
    });
    expect(decisions).toEqual([
      {
        action: 'Open',
        level: 'CRITICAL',
        target: { type: 'Server', id: 's1' },
        data: {
          type: 'ServerUnreachable',
          data: { id: 's1', name: 'prod-1', region: 'eu-1', err: down.err },
        },
      },
    ]);
  });
});
