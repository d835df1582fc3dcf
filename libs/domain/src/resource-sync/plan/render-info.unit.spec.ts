import type { SyncProblem } from '../declared';
import {
  declared,
  declaredGroup,
  declaredVariable,
  existing,
  planOf,
  sealed,
  variable,
} from './plan.fixtures';
import { planUserGroupToml, planVariableToml, renderSyncInfo } from './render-info';
import type { ResourceView } from './types';
import { EXPORT_RENDERERS } from './export-renderers';

const given = () => ({
  resources: [
    existing('Server', 'changed', { passkey: sealed('old-passkey') }),
    existing('Server', 'dropped', { passkey: sealed('dropped-passkey') }),
  ],
  variables: [variable('TOKEN', sealed('old-token'), { isSecret: true })],
  declared: {
    resources: [
      declared('Server', 'changed', { passkey: 'new-passkey', address: 'https://a:8120' }),
      declared('Deployment', 'web', {}, { deploy: true }),
    ],
    variables: [declaredVariable('TOKEN', { is_secret: true, value: 'new-token' })],
    userGroups: [declaredGroup('ops', { everyone: true, all: { Server: 'Read' } })],
  },
});

/** The exporter's stand-in: what it is given, as text. */
const renderResource = (view: ResourceView) => JSON.stringify(view);

describe('renderSyncInfo', () => {
  it("given a plan, when rendered, then Komodo's pending fields with each change's fields, deploys, hash and problems", () => {
    const plan = planOf(given());
    const problems: SyncProblem[] = [
      {
        file: 'a.toml',
        line: 3,
        field: 'server[x].foo',
        severity: 'warning',
        message: 'unknown key',
      },
    ];
    const info = renderSyncInfo(plan, { resource: renderResource }, problems);
    expect(info.resource_updates.map((d) => [d.target, d.data.type])).toEqual([
      [{ type: 'Server', id: 'server-changed' }, 'Update'],
      [{ type: 'Deployment', id: '' }, 'Create'],
      [{ type: 'Server', id: 'server-dropped' }, 'Delete'],
    ]);
    expect(info.resource_updates[0].fields).toEqual([
      { path: 'config.address', current: '', proposed: 'https://a:8120' },
      { path: 'config.passkey', current: '*****', proposed: '*****' },
    ]);
    expect(info.variable_updates[0]).toMatchObject({ type: 'Update', fields: [{ path: 'value' }] });
    expect(info.user_group_updates[0].data).toEqual({
      name: 'ops',
      proposed: '[[user_group]]\nname = "ops"\neveryone = true\nall.Server = "Read"',
    });
    expect(info.pending_deploys).toEqual(plan.deploys);
    expect(info.pending_hash).toBe(plan.hash);
    expect(info.pending_problems).toEqual(problems);
    expect(info.pending_delete_guard).toEqual(plan.guard);
  });

  it('given secrets changed, created and deleted, when rendered, then no secret value appears anywhere', () => {
    const text = JSON.stringify(renderSyncInfo(planOf(given()), { resource: renderResource }));
    for (const secret of [
      'old-passkey',
      'new-passkey',
      'dropped-passkey',
      'old-token',
      'new-token',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('*****');
  });

  it('given the same declarations in another order, when planned, then the same hash; another change, another hash', () => {
    const first = planOf(given());
    const reordered = given();
    reordered.declared.resources.reverse();
    const other = given();
    other.declared.resources[0].config.address = 'https://b:8120';
    expect(planOf(reordered).hash).toBe(first.hash);
    expect(planOf(other).hash).not.toBe(first.hash);
  });

  it("given a variable and a group, when rendered by default, then Komodo's blocks (secret values left out)", () => {
    expect(
      planVariableToml({ name: 'A', value: 'x "q"', description: 'd', is_secret: false }),
    ).toBe('[[variable]]\nname = "A"\nvalue = "x \\"q\\""\ndescription = "d"');
    expect(planVariableToml({ name: 'S', value: 'hidden', description: '', is_secret: true })).toBe(
      '[[variable]]\nname = "S"\nis_secret = true',
    );
    expect(
      planUserGroupToml({
        name: 'ops',
        everyone: false,
        users: ['ann'],
        all: { Build: { level: 'Execute', specific: ['Logs'] } },
        permissions: [{ target: { type: 'Server', name: 'prod' }, level: 'Write', specific: [] }],
      }),
    ).toBe(
      [
        '[[user_group]]',
        'name = "ops"',
        'users = ["ann"]',
        'all.Build = { level = "Execute", specific = ["Logs"] }',
        'permissions = [',
        '  { target = { type = "Server", id = "prod" }, level = "Write" },',
        ']',
      ].join('\n'),
    );
  });
});

describe('EXPORT_RENDERERS', () => {
  it("given a plan, when rendered with the export's TOML, then Komodo's tables, names for references, no secret", () => {
    const server = existing('Server', 'prod', { passkey: sealed('old-passkey') });
    const plan = planOf({
      resources: [server],
      declared: {
        resources: [
          declared('Server', 'prod', { passkey: 'new-passkey' }),
          declared('Deployment', 'web', { server_id: server.id }, { deploy: true, after: ['db'] }),
        ],
        variables: [declaredVariable('TOKEN', { is_secret: true, value: 'new-token' })],
      },
    });
    const info = renderSyncInfo(plan, EXPORT_RENDERERS);
    const created = info.resource_updates.find((d) => d.data.type === 'Create');
    expect(created?.data).toEqual({
      type: 'Create',
      data: {
        name: 'web',
        proposed: [
          '[[deployment]]',
          'name = "web"',
          'deploy = true',
          'after = ["db"]',
          '[deployment.config]',
          'server = "prod"',
        ].join('\n'),
      },
    });
    const text = JSON.stringify(info);
    for (const secret of ['old-passkey', 'new-passkey', 'new-token'])
      expect(text).not.toContain(secret);
  });
});
