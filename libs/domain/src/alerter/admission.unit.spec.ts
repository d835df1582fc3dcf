import type { MaintenanceWindow } from '../resources/configs/common';
import type { AlertType } from '../alerts/alert-data';
import { decideAlerterAdmission, type Admission, type AdmissionInput } from './admission';
import { defaultAlerterConfig, type AlerterConfig } from './alerter.config';

const at = (iso: string) => Date.parse(iso);
const window = (over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  name: 'w',
  description: '',
  schedule_type: 'Daily',
  day_of_week: '',
  date: '',
  hour: 23,
  minute: 0,
  duration_minutes: 120,
  timezone: '',
  enabled: true,
  ...over,
});
const server = { type: 'Server' as const, id: 's1' };
const deployment = { type: 'Deployment' as const, id: 'd1' };
const berlin0230 = window({ hour: 2, minute: 30, duration_minutes: 60, timezone: 'Europe/Berlin' });

interface Case {
  config?: Partial<AlerterConfig>;
  type?: AlertType;
  target?: AdmissionInput['alert']['target'];
  serverWindows?: MaintenanceWindow[];
  resolvedSince?: boolean;
  now?: string;
}

function decide(c: Case): Admission {
  return decideAlerterAdmission({
    alerter: { id: 'al1', config: { ...defaultAlerterConfig(), enabled: true, ...c.config } },
    alert: {
      type: c.type ?? 'ServerUnreachable',
      level: 'CRITICAL',
      target: c.target ?? server,
      resolved: false,
    },
    resolvedSince: c.resolvedSince,
    targetServerWindows: c.serverWindows ?? [],
    now: at(c.now ?? '2026-03-10T12:00:00Z'),
  });
}

const send = { verdict: 'send' };
const skip = (reason: string) => ({ verdict: 'skip', reason });
const hold = (until: string, reason: string) => ({ verdict: 'hold', until: at(until), reason });

describe('decideAlerterAdmission: given an alerter, an alert and a fixed clock', () => {
  it.each<[string, Case, object]>([
    ['an enabled alerter with no filters sends', {}, send],
    ['a disabled alerter skips', { config: { enabled: false } }, skip('disabled')],
    [
      'a disabled alerter skips even a Test',
      { config: { enabled: false }, type: 'Test' },
      skip('disabled'),
    ],
    ['a chosen type sends', { config: { alert_types: ['ServerUnreachable'] } }, send],
    [
      'a type not chosen skips',
      { config: { alert_types: ['ServerCpu'] } },
      skip('type not chosen'),
    ],
    ['empty types take a failure', { type: 'DeploymentDeployFailed', target: deployment }, send],
    [
      'empty types take no success',
      { type: 'DeploymentDeployed', target: deployment },
      skip('type not chosen'),
    ],
    [
      'a success named is sent',
      {
        config: { alert_types: ['BuildSucceeded'] },
        type: 'BuildSucceeded',
        target: { type: 'Build', id: 'b1' },
      },
      send,
    ],
    ['a target in resources sends', { config: { resources: [deployment, server] } }, send],
    [
      'a target not in resources skips',
      { config: { resources: [deployment] } },
      skip('target not in resources'),
    ],
    [
      'the same id of another kind is not the target',
      { config: { resources: [{ type: 'Deployment', id: 's1' }] } },
      skip('target not in resources'),
    ],
    [
      'a target in except_resources skips',
      { config: { except_resources: [server] } },
      skip('target in except_resources'),
    ],
    [
      'except wins over include',
      { config: { resources: [server], except_resources: [server] } },
      skip('target in except_resources'),
    ],
    [
      'a Test passes the type and resource filters, as in Komodo',
      {
        config: { alert_types: ['ServerCpu'], resources: [deployment] },
        type: 'Test',
        target: { type: 'Alerter', id: 'al1' },
      },
      send,
    ],
    [
      'a skip comes before a hold',
      {
        config: { alert_types: ['ServerCpu'], maintenance_windows: [window({})] },
        now: '2026-03-10T23:30:00Z',
      },
      skip('type not chosen'),
    ],
    [
      "in the alerter's window before midnight: held until it ends",
      { config: { maintenance_windows: [window({})] }, now: '2026-03-10T23:30:00Z' },
      hold('2026-03-11T01:00:00Z', 'alerter maintenance'),
    ],
    [
      "in the alerter's window after midnight",
      { config: { maintenance_windows: [window({})] }, now: '2026-03-11T00:59:00Z' },
      hold('2026-03-11T01:00:00Z', 'alerter maintenance'),
    ],
    [
      "when the alerter's window ends, sends",
      { config: { maintenance_windows: [window({})] }, now: '2026-03-11T01:00:00Z' },
      send,
    ],
    [
      'a disabled window holds nothing',
      {
        config: { maintenance_windows: [window({ enabled: false })] },
        now: '2026-03-10T23:30:00Z',
      },
      send,
    ],
    [
      "in the target server's window",
      { serverWindows: [window({})], now: '2026-03-10T23:30:00Z' },
      hold('2026-03-11T01:00:00Z', 'server maintenance'),
    ],
    [
      'in both: until the later end',
      {
        config: { maintenance_windows: [window({ duration_minutes: 30 })] },
        serverWindows: [window({})],
        now: '2026-03-10T23:10:00Z',
      },
      hold('2026-03-11T01:00:00Z', 'server maintenance'),
    ],
    [
      'spring forward in Berlin: not yet held at 03:00 CEST',
      { config: { maintenance_windows: [berlin0230] }, now: '2026-03-29T01:00:00Z' },
      send,
    ],
    [
      'spring forward in Berlin: held from 03:30 CEST',
      { config: { maintenance_windows: [berlin0230] }, now: '2026-03-29T01:40:00Z' },
      hold('2026-03-29T02:30:00Z', 'alerter maintenance'),
    ],
    [
      'autumn in Berlin: the repeated hour is held from the first 02:30',
      { serverWindows: [berlin0230], now: '2026-10-25T01:10:00Z' },
      hold('2026-10-25T01:30:00Z', 'server maintenance'),
    ],
    [
      'decided again after the hold: still open, sent',
      {
        config: { maintenance_windows: [window({})] },
        now: '2026-03-11T01:00:00Z',
        resolvedSince: false,
      },
      send,
    ],
    [
      'decided again after the hold: resolved meanwhile, its resolve tells it',
      {
        config: { maintenance_windows: [window({})] },
        now: '2026-03-11T01:00:00Z',
        resolvedSince: true,
      },
      skip('resolved while held'),
    ],
  ])('%s', (_name, c, expected) => {
    expect(decide(c)).toEqual(expected);
  });

  it('holds an alert, then sends it when the caller decides again at the end of the window', () => {
    const config = { maintenance_windows: [window({ timezone: 'America/New_York' })] };
    const first = decide({ config, now: '2026-03-11T03:30:00Z' }); // 23:30 EDT
    expect(first).toEqual(hold('2026-03-11T05:00:00Z', 'alerter maintenance'));
    const until = (first as { until: number }).until;
    expect(decide({ config, now: new Date(until).toISOString() })).toEqual(send);
  });
});
