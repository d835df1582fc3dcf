import {
  claimsNotIn,
  containerNameCategory,
  parseRuntimeNameHolder,
  projectNameCategory,
  runtimeNameClaims,
  runtimeNameHolder,
  stackProjectName,
} from './runtime-names';

const deployment = (name: string, config: Record<string, unknown>) => ({ id: 'd1', name, config });

describe('runtimeNameClaims', () => {
  it("claims a Deployment's container name on its server: custom_name, else its name made valid", () => {
    expect(runtimeNameClaims('Deployment', deployment('My App', { server_id: 's1' }))).toEqual([
      {
        category: containerNameCategory('s1'),
        name: 'My_App',
        what: 'container name',
        field: 'name',
      },
    ]);
    expect(
      runtimeNameClaims(
        'Deployment',
        deployment('web', { server_id: 's1', custom_name: 'victim' }),
      ),
    ).toEqual([
      {
        category: 'server.s1.container',
        name: 'victim',
        what: 'container name',
        field: 'custom_name',
      },
    ]);
  });

  it("claims a Stack's compose project on its server", () => {
    const stack = { id: 'st1', name: 'Shop Front', config: { server_id: 's1', project_name: '' } };
    expect(runtimeNameClaims('Stack', stack)).toEqual([
      {
        category: projectNameCategory('s1'),
        name: 'shop_front',
        what: 'compose project',
        field: 'name',
      },
    ]);
    expect(
      runtimeNameClaims('Stack', { ...stack, config: { server_id: 's1', project_name: 'victim' } }),
    ).toEqual([
      {
        category: 'server.s1.project',
        name: 'victim',
        what: 'compose project',
        field: 'project_name',
      },
    ]);
  });

  it('claims nothing without a server, for an invalid container name, or for other kinds', () => {
    expect(runtimeNameClaims('Deployment', deployment('web', { server_id: '' }))).toEqual([]);
    expect(
      runtimeNameClaims('Deployment', deployment('web', { server_id: 's1', custom_name: '-x' })),
    ).toEqual([]);
    expect(runtimeNameClaims('Build', deployment('web', { server_id: 's1' }))).toEqual([]);
  });
});

describe('stackProjectName', () => {
  it('falls back to the id when the name leaves nothing compose accepts', () => {
    expect(stackProjectName({ id: 'abc', name: '---', config: {} })).toBe('abc');
  });
});

describe('claimsNotIn', () => {
  it('answers what a change gives up', () => {
    const a = runtimeNameClaims('Deployment', deployment('a', { server_id: 's1' }));
    const b = runtimeNameClaims('Deployment', deployment('a', { server_id: 's2' }));
    expect(claimsNotIn(a, b)).toEqual(a);
    expect(claimsNotIn(a, a)).toEqual([]);
  });
});

describe('runtime name holders', () => {
  it('round-trip kind and id', () => {
    expect(parseRuntimeNameHolder(runtimeNameHolder('Stack', 'x:y'))).toEqual({
      kind: 'Stack',
      id: 'x:y',
    });
  });
});
