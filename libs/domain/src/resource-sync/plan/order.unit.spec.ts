import type { ProcedureStage } from '../../procedure/procedure.config';
import { dependentsOf } from './order';
import { declared, existing, planOf } from './plan.fixtures';

const build = (name: string) => ({
  type: 'Build',
  params: { build_id: name, version: { major: 0, minor: 0, patch: 0 } },
});
const stage = (...executions: [string, Record<string, unknown>][]): ProcedureStage => ({
  name: 'all',
  enabled: true,
  executions: executions.map(([type, params]) => ({ execution: { type, params }, enabled: true })),
});

/** A diamond and more: S under B, R, K and D; B under R and X; R under X and K; all under P. */
const diamond = [
  declared('Procedure', 'P', {
    stages: [stage(['Deploy', { deployment: 'D' }], ['DeployStack', { stack: 'K' }])],
  }),
  declared('Deployment', 'D', { server_id: 'S', image: build('X') }),
  declared('Stack', 'K', { server_id: 'S', linked_repo: 'R' }),
  declared('Build', 'X', { builder_id: 'B', linked_repo: 'R' }),
  declared('Repo', 'R', { server_id: 'S', builder_id: 'B' }),
  declared('Builder', 'B', { type: 'Server', params: { server_ids: ['S'] } }),
  declared('Server', 'S'),
];

describe('applyOrder', () => {
  it('given a diamond of references all created, when planning, then each step follows what it references and requires it', () => {
    const plan = planOf({ declared: { resources: diamond } });
    expect(plan.steps.map((s) => s.key)).toEqual([
      'Server:S',
      'Builder:B',
      'Repo:R',
      'Build:X',
      'Stack:K',
      'Deployment:D',
      'Procedure:P',
    ]);
    const step = (key: string) => plan.steps.find((s) => s.key === key);
    expect(step('Deployment:D')?.dependsOn).toEqual(['Build:X', 'Server:S']);
    expect(step('Build:X')?.dependsOn).toEqual(['Builder:B', 'Repo:R']);
    expect(step('Procedure:P')?.dependsOn).toEqual(['Deployment:D', 'Stack:K']);
    expect(step('Server:S')?.dependents).toEqual([
      'Builder:B',
      'Deployment:D',
      'Repo:R',
      'Stack:K',
    ]);
  });

  it('given the diamond, when the Builder fails, then what depends on it, directly or not, is skipped; the Server is not', () => {
    const plan = planOf({ declared: { resources: diamond } });
    expect(dependentsOf(plan.steps, 'Builder:B')).toEqual([
      'Repo:R',
      'Build:X',
      'Stack:K',
      'Deployment:D',
      'Procedure:P',
    ]);
  });

  it('given the diamond exists and the files declare none of it, when planning, then deletes go in reverse, each after what names it', () => {
    const s = existing('Server', 'S');
    const b = existing('Builder', 'B', { type: 'Server', params: { server_ids: [s.id] } });
    const r = existing('Repo', 'R', { server_id: s.id, builder_id: b.id });
    const x = existing('Build', 'X', { builder_id: b.id, linked_repo: r.id });
    const d = existing('Deployment', 'D', {
      server_id: s.id,
      image: {
        type: 'Build',
        params: { build_id: x.id, version: { major: 0, minor: 0, patch: 0 } },
      },
    });
    const plan = planOf({
      resources: [s, b, r, x, d],
      declared: { resources: [declared('Alerter', 'keep')] },
    });
    expect(plan.steps.map((st) => st.key)).toEqual([
      'Alerter:keep',
      'Deployment:D',
      'Build:X',
      'Repo:R',
      'Builder:B',
      'Server:S',
    ]);
    expect(plan.steps.find((st) => st.key === 'Server:S')?.dependsOn).toEqual([
      'Builder:B',
      'Deployment:D',
      'Repo:R',
    ]);
  });

  it('given a deployment moved to a new server and the old one dropped, when planning, then create, move, delete in that order, each requiring the one before', () => {
    const old = existing('Server', 'old');
    const plan = planOf({
      resources: [old, existing('Deployment', 'D', { server_id: old.id })],
      declared: {
        resources: [declared('Server', 'new'), declared('Deployment', 'D', { server_id: 'new' })],
      },
    });
    expect(plan.steps.map((s) => [s.action, s.key, s.dependsOn])).toEqual([
      ['Create', 'Server:new', []],
      ['Update', 'Deployment:D', ['Server:new']],
      ['Delete', 'Server:old', ['Deployment:D']],
    ]);
  });

  it('given variables and user groups, when planning, then variables come first, groups after the resources their permissions name', () => {
    const plan = planOf({
      declared: {
        resources: [declared('Server', 'S')],
        variables: [{ name: 'V', value: '1', source: { file: 'f', line: 1 }, lines: {} }],
        userGroups: [
          {
            name: 'ops',
            permissions: [{ target: { type: 'Server', id: 'S' }, level: 'Write' }],
            source: { file: 'f', line: 1 },
            lines: {},
          },
        ],
      },
    });
    expect(plan.steps.map((s) => [s.key, s.dependsOn])).toEqual([
      ['Variable:V', []],
      ['Server:S', []],
      ['UserGroup:ops', ['Server:S']],
    ]);
  });
});
