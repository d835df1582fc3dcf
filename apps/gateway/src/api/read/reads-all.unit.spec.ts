import { emptyGrants, grantKey, type Grants, type User } from '@monitor/domain';
import { Principal } from '../../auth/principal';
import { readsAll } from './reads-all';

const principal = (
  grants: Grants,
  { admin = false, enabled = true } = {},
  groups: Grants[] = [],
) => {
  const user: User = {
    id: 'u1',
    username: 'u',
    passwordHash: '',
    enabled,
    admin,
    createServers: false,
    createBuilds: false,
    grants,
    apiKeys: [],
  };
  return new Principal(user, groups, 'api');
};

describe('readsAll: who may skip the per-resource check of a list', () => {
  it('an enabled admin, or Read on the whole kind (own or a group grant)', () => {
    expect(readsAll(principal(emptyGrants(), { admin: true }), 'Deployment')).toBe(true);
    const onKind = { ...emptyGrants(), all: { Deployment: 'Read' as const } };
    expect(readsAll(principal(onKind), 'Deployment')).toBe(true);
    expect(readsAll(principal(emptyGrants(), {}, [onKind]), 'Deployment')).toBe(true);
    expect(readsAll(principal(onKind), 'Server')).toBe(false);
  });

  it('not a user with grants on some resources only, nor a disabled one', () => {
    const onOne = {
      ...emptyGrants(),
      resources: { [grantKey('Deployment', 'd1')]: 'Write' as const },
    };
    expect(readsAll(principal(onOne), 'Deployment')).toBe(false);
    const onKind = { ...emptyGrants(), all: { Deployment: 'Read' as const } };
    expect(readsAll(principal(onKind, { enabled: false }), 'Deployment')).toBe(false);
    expect(readsAll(principal(emptyGrants(), { admin: true, enabled: false }), 'Deployment')).toBe(
      false,
    );
  });
});
