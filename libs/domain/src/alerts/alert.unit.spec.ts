import { deciderSpec } from '@monitor/testing';
import type { AlertData } from './alert-data';
import { decideAlert, evolveAlert, type AlertState } from './alert';

const spec = deciderSpec({
  decide: decideAlert,
  evolve: evolveAlert,
  initialState: (): AlertState => ({ status: 'Empty' }),
});
const target = { type: 'Server' as const, id: 's1' };
const cpu = (percentage: number): AlertData => ({
  type: 'ServerCpu',
  data: { id: 's1', name: 'prod-1', percentage },
});
const disk = (path: string): AlertData => ({
  type: 'ServerDisk',
  data: { id: 's1', name: 'prod-1', path, used_gb: 90, total_gb: 100 },
});
const opened = {
  type: 'AlertOpened',
  data: { id: 'a1', type: 'ServerCpu', level: 'WARNING', target, data: cpu(92), ts: 1000 },
};
const escalated = {
  type: 'AlertLevelChanged',
  data: { from: 'WARNING', to: 'CRITICAL', data: cpu(99.5), ts: 2000 },
};
const resolved = { type: 'AlertResolved', data: { data: cpu(40), ts: 3000 } };

describe('alert', () => {
  it('opens once', () => {
    const open = {
      type: 'Open' as const,
      id: 'a1',
      level: 'WARNING',
      target,
      data: cpu(92),
      ts: 1000,
    };
    spec.given([]).when(open).then([opened]);
    spec.given([opened]).when(open).thenFails('CONFLICT');
  });

  it('refuses to open at OK, at an unknown level, on an unknown target or without a time', () => {
    const open = { type: 'Open' as const, id: 'a1', target, data: cpu(92), ts: 1000 };
    spec
      .given([])
      .when({ ...open, level: 'OK' })
      .thenFails('VALIDATION', /resolve/);
    spec
      .given([])
      .when({ ...open, level: 'HIGH' })
      .thenFails('VALIDATION', /level/);
    spec
      .given([])
      .when({ ...open, level: 'WARNING', target: { type: 'Widget' as never, id: 'w' } })
      .thenFails('VALIDATION', /target/);
    spec
      .given([])
      .when({ ...open, level: 'WARNING', ts: NaN })
      .thenFails('VALIDATION', /ts/);
  });

  it('opens for the alerters named only, when it names them', () => {
    const open = {
      type: 'Open' as const,
      id: 'a1',
      level: 'WARNING',
      target,
      data: cpu(92),
      ts: 1000,
    };
    spec
      .given([])
      .when({ ...open, alerters: ['x1', 'x2', 'x1'] })
      .then([{ ...opened, data: { ...opened.data, alerters: ['x1', 'x2'] } }]);
    spec
      .given([])
      .when({ ...open, alerters: [] })
      .thenFails('VALIDATION', /alerters/);
  });

  it('raises a one-off alert stored resolved, at any level, once', () => {
    const deployed: AlertData = {
      type: 'DeploymentDeployed',
      data: { id: 'd1', name: 'api', server_id: 's1', server_name: 'prod-1' },
    };
    const raise = {
      type: 'Raise' as const,
      id: 'u1',
      level: 'OK',
      target: { type: 'Deployment' as const, id: 'd1' },
      data: deployed,
      ts: 5000,
    };
    const raised = {
      type: 'AlertRaised',
      data: {
        id: 'u1',
        type: 'DeploymentDeployed',
        level: 'OK',
        target: raise.target,
        data: deployed,
        ts: 5000,
      },
    };
    spec.given([]).when(raise).then([raised]);
    spec.given([raised]).when(raise).thenFails('CONFLICT');
    spec
      .given([raised])
      .when({ type: 'Resolve', ts: 6000 })
      .thenFails('CONFLICT', /resolved/);
    spec
      .given([])
      .when({ ...raise, level: 'LOUD' })
      .thenFails('VALIDATION', /level/);
    expect(evolveAlert({ status: 'Empty' }, raised as never)).toEqual({
      status: 'Resolved',
      alert: {
        id: 'u1',
        ts: 5000,
        resolved: true,
        resolved_ts: 5000,
        level: 'OK',
        target: raise.target,
        data: deployed,
      },
    });
  });

  it('changes level, and says nothing when the level stays', () => {
    spec
      .given([opened])
      .when({ type: 'ChangeLevel', level: 'CRITICAL', data: cpu(99.5), ts: 2000 })
      .then([escalated]);
    spec
      .given([opened])
      .when({ type: 'ChangeLevel', level: 'WARNING', data: cpu(93), ts: 2000 })
      .then([]);
    spec
      .given([opened, escalated])
      .when({ type: 'ChangeLevel', level: 'WARNING', data: cpu(93), ts: 2500 })
      .then([
        {
          type: 'AlertLevelChanged',
          data: { from: 'CRITICAL', to: 'WARNING', data: cpu(93), ts: 2500 },
        },
      ]);
  });

  it('refuses a level change to OK or to data about something else', () => {
    spec
      .given([opened])
      .when({ type: 'ChangeLevel', level: 'OK', data: cpu(10), ts: 2000 })
      .thenFails('VALIDATION', /resolve/);
    spec
      .given([opened])
      .when({ type: 'ChangeLevel', level: 'CRITICAL', data: disk('/'), ts: 2000 })
      .thenFails('VALIDATION', /data/);
  });

  it('keeps disk alerts to their mount', () => {
    const diskOpened = {
      type: 'AlertOpened',
      data: { id: 'a2', type: 'ServerDisk', level: 'WARNING', target, data: disk('/'), ts: 1 },
    };
    spec
      .given([diskOpened])
      .when({ type: 'Resolve', data: disk('/data'), ts: 2 })
      .thenFails('VALIDATION', /data/);
  });

  it('resolves with the last data or the given one', () => {
    spec
      .given([opened, escalated])
      .when({ type: 'Resolve', data: cpu(40), ts: 3000 })
      .then([resolved]);
    spec
      .given([opened])
      .when({ type: 'Resolve', ts: 3000 })
      .then([{ type: 'AlertResolved', data: { data: cpu(92), ts: 3000 } }]);
  });

  it('refuses any change to a resolved alert', () => {
    const history = [opened, resolved];
    spec
      .given(history)
      .when({ type: 'Resolve', ts: 4000 })
      .thenFails('CONFLICT', /resolved/);
    spec
      .given(history)
      .when({ type: 'ChangeLevel', level: 'CRITICAL', data: cpu(99), ts: 4000 })
      .thenFails('CONFLICT', /resolved/);
  });

  it('refuses changes to an alert that was never opened', () => {
    spec.given([]).when({ type: 'Resolve', ts: 1 }).thenFails('NOT_FOUND');
  });

  it('folds into the Komodo alert', () => {
    const state = [opened, escalated, resolved].reduce(evolveAlert, {
      status: 'Empty',
    } as AlertState);
    expect(state).toEqual({
      status: 'Resolved',
      alert: {
        id: 'a1',
        ts: 1000,
        resolved: true,
        resolved_ts: 3000,
        level: 'CRITICAL',
        target,
        data: cpu(40),
      },
    });
  });
});
