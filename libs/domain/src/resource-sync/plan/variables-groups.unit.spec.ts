import { emptyGrants } from '../../identity/permission-level';
import { isEmptyPlan } from './plan';
import {
  declared,
  declaredGroup,
  declaredVariable,
  existing,
  group,
  planOf,
  sealed,
  summary,
  variable,
} from './plan.fixtures';

describe('planSync: variables', () => {
  it('given variables, when the files create one, change one and drop one, then Create, Update, Delete with fields', () => {
    const plan = planOf({
      variables: [variable('KEEP', '1'), variable('CHANGE', 'a'), variable('DROP', 'x')],
      declared: {
        variables: [
          declaredVariable('KEEP', { value: '1' }),
          declaredVariable('CHANGE', { value: 'b', description: 'now described' }),
          declaredVariable('NEW', { value: 'n' }),
        ],
      },
    });
    expect(summary(plan)).toEqual([
      'Update Variable:CHANGE',
      'Create Variable:NEW',
      'Delete Variable:DROP',
    ]);
    expect(plan.variables[0].fields).toEqual([
      { path: 'description', current: '', proposed: 'now described' },
      { path: 'value', current: 'a', proposed: 'b' },
    ]);
  });

  it('given a secret variable, when declared without value, then it keeps its value; with the same, nothing; with another, masked', () => {
    const secret = (name: string) => variable(name, sealed('pw'), { isSecret: true });
    const plan = planOf({
      variables: [secret('KEPT'), secret('SAME'), secret('OTHER')],
      declared: {
        variables: [
          declaredVariable('KEPT', { is_secret: true }),
          declaredVariable('SAME', { is_secret: true, value: 'pw' }),
          declaredVariable('OTHER', { is_secret: true, value: 'new-pw' }),
        ],
      },
    });
    expect(summary(plan)).toEqual(['Update Variable:OTHER']);
    expect(plan.variables[0].fields).toEqual([
      { path: 'value', current: '*****', proposed: '*****' },
    ]);
    expect(JSON.stringify(plan.variables[0].fields)).not.toContain('new-pw');
  });

  it('given include_variables off, when the files declare variables, then none is planned', () => {
    const plan = planOf({
      config: { include_variables: false },
      variables: [variable('A', '1')],
      declared: { variables: [declaredVariable('B', { value: '2' })] },
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });
});

describe('planSync: user groups', () => {
  const users = [
    { id: 'u1', username: 'ann' },
    { id: 'u2', username: 'bob' },
  ];

  it('given a stored group (users and grants by id), when the files declare the same by name, then nothing changes', () => {
    const server = existing('Server', 'prod');
    const grants = emptyGrants();
    grants.all.Deployment = 'Read';
    grants.resources[`Server/${server.id}`] = 'Write';
    grants.specific = { all: {}, resources: { [`Server/${server.id}`]: ['Terminal', 'Logs'] } };
    const plan = planOf({
      users,
      resources: [server],
      declared: { resources: [declared('Server', 'prod')], userGroups: [] },
      userGroups: [group('ops', { users: ['u2', 'u1'], grants })],
    });
    const same = planOf({
      users,
      resources: [server],
      userGroups: [group('ops', { users: ['u2', 'u1'], grants })],
      declared: {
        resources: [declared('Server', 'prod')],
        userGroups: [
          declaredGroup('ops', {
            users: ['ann', 'bob'],
            all: { Deployment: 'Read', Stack: 'None' },
            permissions: [
              {
                target: { type: 'Server', id: 'prod' },
                level: 'Write',
                specific: ['Logs', 'Terminal'],
              },
              { target: { type: 'Stack', id: 'nothing' }, level: 'None' },
            ],
          }),
        ],
      },
    });
    expect(summary(plan)).toEqual(['Delete UserGroup:ops']);
    expect(isEmptyPlan(same)).toBe(true);
  });

  it('given a group, when the files change its members and a grant, then one Update with those fields', () => {
    const plan = planOf({
      users,
      userGroups: [group('ops', { users: ['u1'] })],
      declared: {
        userGroups: [declaredGroup('ops', { users: ['ann', 'bob'], all: { Server: 'Execute' } })],
      },
    });
    expect(plan.userGroups[0]).toMatchObject({
      action: 'Update',
      fields: [
        { path: 'all.Server', current: null, proposed: { level: 'Execute', specific: [] } },
        { path: 'users', current: ['ann'], proposed: ['ann', 'bob'] },
      ],
    });
  });

  it('given everyone = true, when users are also listed, then they do not count (Komodo clears them)', () => {
    const plan = planOf({
      users,
      userGroups: [group('all', { everyone: true, users: ['u1'] })],
      declared: { userGroups: [declaredGroup('all', { everyone: true, users: ['bob'] })] },
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('given a permission target pattern and a matcher, when planning, then it expands over existing and declared names', () => {
    const plan = planOf({
      resources: [existing('Server', 'prod-1'), existing('Server', 'dev-1')],
      declared: {
        resources: ['prod-1', 'dev-1', 'prod-2'].map((n) => declared('Server', n)),
        userGroups: [
          declaredGroup('ops', {
            permissions: [{ target: { type: 'Server', id: 'prod-*' }, level: 'Read' }],
          }),
        ],
      },
      more: { matches: (pattern, name) => name.startsWith(pattern.replace('*', '')) },
    });
    expect(plan.userGroups[0].proposed?.permissions.map((p) => p.target.name)).toEqual([
      'prod-1',
      'prod-2',
    ]);
    const step = plan.steps.find((s) => s.key === 'UserGroup:ops');
    expect(step?.dependsOn).toEqual(['Server:prod-2']);
  });
});
