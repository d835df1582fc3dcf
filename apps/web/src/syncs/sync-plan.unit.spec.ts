import type { SyncProblem } from '@monitor/contracts';
import {
  canRun,
  deletesToConfirm,
  describeDeploy,
  groupPlan,
  nameInToml,
  planChanges,
  planSummary,
  problemsBySeverity,
  type SyncInfoView,
} from './sync-plan';

const field = (path: string, current: unknown, proposed: unknown) => ({ path, current, proposed });

const INFO: SyncInfoView = {
  pending_hash: 'a'.repeat(64),
  resource_updates: [
    {
      target: { type: 'Deployment', id: '' },
      data: { type: 'Create', data: { name: 'web', proposed: '[[deployment]]\nname = "web"' } },
      fields: [field('config.image.params.image', null, 'nginx')],
    },
    {
      target: { type: 'Server', id: '65f000000000000000000001' },
      data: { type: 'Delete', data: { current: '[[server]]\nname = "old-edge"' } },
      fields: [field('name', 'old-edge', null)],
    },
    {
      target: { type: 'Server', id: '' },
      data: { type: 'Create', data: { name: 'edge', proposed: '[[server]]\nname = "edge"' } },
      fields: [],
    },
    {
      target: { type: 'Server', id: '65f000000000000000000002' },
      data: {
        type: 'Update',
        data: { current: '[[server]]\nname = "a-box"\n', proposed: '[[server]]\nname = "a-box"\n' },
      },
      fields: [field('config.region', 'eu', 'us')],
    },
  ],
  variable_updates: [
    {
      type: 'Update',
      data: {
        current: '[[variable]]\nname = "TOKEN"\nis_secret = true',
        proposed: '[[variable]]\nname = "TOKEN"\nis_secret = true',
      },
      fields: [field('value', '*****', '*****')],
    },
  ],
  user_group_updates: [
    {
      type: 'Delete',
      data: { current: "[[user_group]]\nname = 'ops'" },
      fields: [],
    },
  ],
};

describe('the sync page: the plan', () => {
  it('given a resource Create, Update and Delete, then each is named (a Create by its data, the others by their TOML) and keeps its id', () => {
    const changes = planChanges(INFO);
    expect(changes.map((c) => [c.key, c.action, c.id])).toEqual([
      ['Deployment:web', 'Create', undefined],
      ['Server:old-edge', 'Delete', '65f000000000000000000001'],
      ['Server:edge', 'Create', undefined],
      ['Server:a-box', 'Update', '65f000000000000000000002'],
      ['Variable:TOKEN', 'Update', undefined],
      ['UserGroup:ops', 'Delete', undefined],
    ]);
    expect(changes.filter((c) => c.resource).map((c) => c.kind)).toEqual([
      'Deployment',
      'Server',
      'Server',
      'Server',
    ]);
  });

  it('given an Update, then both TOML sides are kept; a Create has no current, a Delete no proposed', () => {
    const [web, gone, , box] = planChanges(INFO);
    expect([web.current, web.proposed]).toEqual([undefined, '[[deployment]]\nname = "web"']);
    expect([gone.current, gone.proposed]).toEqual(['[[server]]\nname = "old-edge"', undefined]);
    expect(box.current).toContain('a-box');
    expect(box.proposed).toContain('a-box');
  });

  it('groups by kind in the order a run applies them, variables and groups last; creates, updates, deletes, each by name', () => {
    const groups = groupPlan(planChanges(INFO));
    expect(groups.map((g) => [g.title, g.changes.map((c) => `${c.action} ${c.name}`)])).toEqual([
      ['Servers', ['Create edge', 'Update a-box', 'Delete old-edge']],
      ['Deployments', ['Create web']],
      ['Variables', ['Update TOKEN']],
      ['User groups', ['Delete ops']],
    ]);
  });

  it('counts what the plan does, and says so when it does nothing', () => {
    expect(planSummary(planChanges(INFO), 1)).toBe(
      '2 to create · 2 to update · 2 to delete · 1 to deploy',
    );
    expect(planSummary([], 0)).toMatch(/^Nothing to change/);
  });

  it.each([
    ['name = "plain"', 'plain'],
    ['name = "with \\"quotes\\""', 'with "quotes"'],
    ["name = 'literal\\path'", 'literal\\path'],
    ['description = "x"\nname   =   "spaced"  ', 'spaced'],
    ['[[server]]\nusername = "not me"', undefined],
  ])('reads the name of %j', (toml, name) => {
    expect(nameInToml(toml)).toBe(name);
  });

  it('given a diff whose TOML names nothing, then a resource is named by its id', () => {
    const [change] = planChanges({
      resource_updates: [
        {
          target: { type: 'Stack', id: '65f0000000000000000000ab' },
          data: { type: 'Delete', data: { current: '' } },
          fields: [],
        },
      ],
    });
    expect(change.name).toBe('65f0000000000000000000ab');
  });
});

describe('the sync page: problems', () => {
  const problem = (
    file: string,
    line: number,
    severity: SyncProblem['severity'],
    message: string,
  ): SyncProblem => ({ file, line, field: 'deployment[web].config.ports', severity, message });

  it('shows each as file:line:field: message, errors apart from warnings, in file order', () => {
    const shown = problemsBySeverity([
      problem('b.toml', 3, 'error', 'must be a list'),
      problem('a.toml', 9, 'warning', "unknown key 'portz' (did you mean 'ports'?)"),
      problem('a.toml', 2, 'error', 'duplicate name'),
    ]);
    expect(shown).toEqual({
      errors: [
        'a.toml:2:deployment[web].config.ports: duplicate name',
        'b.toml:3:deployment[web].config.ports: must be a list',
      ],
      warnings: [
        "a.toml:9:deployment[web].config.ports: unknown key 'portz' (did you mean 'ports'?)",
      ],
    });
  });

  it('given no problems, then none of either', () => {
    expect(problemsBySeverity(undefined)).toEqual({ errors: [], warnings: [] });
  });
});

describe('the sync page: running', () => {
  it('offers Run only for a plan that was made and changes or deploys something', () => {
    expect(canRun(INFO)).toBe(true);
    expect(canRun({ ...INFO, pending_error: 'a.toml:1:x: broken' })).toBe(false);
    expect(canRun({ pending_hash: 'b'.repeat(64) })).toBe(false);
    expect(canRun({})).toBe(false);
    const deployOnly = {
      pending_hash: 'c'.repeat(64),
      pending_deploys: [{ target: { type: 'Stack' as const, id: 'db' }, reason: 'x', after: [] }],
    };
    expect(canRun(deployOnly)).toBe(true);
  });

  it('asks for the number of deletes only when the guard needs it', () => {
    const guard = {
      deletes: 7,
      scope: 40,
      needsConfirm: true,
      declaresNothing: false,
      withheld: 0,
    };
    expect(deletesToConfirm({ pending_delete_guard: guard })).toBe(7);
    expect(
      deletesToConfirm({ pending_delete_guard: { ...guard, deletes: 1, needsConfirm: false } }),
    ).toBeUndefined();
    expect(deletesToConfirm({})).toBeUndefined();
  });
});

describe('the sync page: deploys', () => {
  it('names each target, why it deploys, and what it waits for', () => {
    const web = { type: 'Deployment' as const, id: 'web' };
    expect(describeDeploy({ target: web, reason: 'created by the sync', after: [] })).toBe(
      'Deployment web: created by the sync',
    );
    expect(
      describeDeploy({
        target: web,
        reason: 'config.image changed',
        after: [
          { type: 'Stack', id: 'db' },
          { type: 'Deployment', id: 'cache' },
        ],
      }),
    ).toBe('Deployment web: config.image changed (after Stack db, Deployment cache)');
  });
});
