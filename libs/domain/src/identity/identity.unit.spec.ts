import { groups, signedUp as signedUpFixture, users } from './identity.fixtures';
import { effectivePermission } from './effective-permission';
import { emptyGrants } from './permission-level';
import { evolveUser } from './user';

const signedUp = signedUpFixture(false);

describe('users', () => {
  it('signs up once', () => {
    users
      .given([])
      .when({
        type: 'SignUp',
        id: 'u1',
        username: 'ann',
        passwordHash: 'h',
        enabled: false,
        admin: false,
      })
      .then([signedUp]);
    users
      .given([signedUp])
      .when({
        type: 'SignUp',
        id: 'u1',
        username: 'ann',
        passwordHash: 'h',
        enabled: false,
        admin: false,
      })
      .thenFails('CONFLICT');
    users
      .given([])
      .when({
        type: 'SignUp',
        id: 'u1',
        username: ' ann',
        passwordHash: 'h',
        enabled: false,
        admin: false,
      })
      .thenFails('VALIDATION', /username/);
  });
  it('is enabled, made admin, granted, only when that changes something', () => {
    users
      .given([signedUp])
      .when({ type: 'SetEnabled', enabled: true })
      .then([{ type: 'UserEnabledChanged', data: { enabled: true } }]);
    users.given([signedUp]).when({ type: 'SetEnabled', enabled: false }).then([]);
    users
      .given([signedUp])
      .when({ type: 'SetAdmin', admin: true })
      .then([{ type: 'UserAdminChanged', data: { admin: true } }]);
    users
      .given([signedUp])
      .when({ type: 'SetKindPermission', kind: 'Server', level: 'Read' })
      .then([
        { type: 'UserKindPermissionSet', data: { kind: 'Server', level: 'Read', specific: [] } },
      ]);
    users
      .given([signedUp])
      .when({ type: 'SetResourcePermission', kind: 'Deployment', id: 'd1', level: 'None' })
      .then([]);
  });
  it('refuses unknown kinds and levels', () => {
    users
      .given([signedUp])
      .when({ type: 'SetKindPermission', kind: 'Widget', level: 'Read' })
      .thenFails('VALIDATION', /resource_type/);
    users
      .given([signedUp])
      .when({ type: 'SetKindPermission', kind: 'Server', level: 'Owner' })
      .thenFails('VALIDATION', /permission/);
  });
  it('creates and deletes API keys', () => {
    const key = { key: 'K-1', name: 'ci', secretHash: 'x', createdAt: 1, expires: 0 };
    users
      .given([signedUp])
      .when({ type: 'CreateApiKey', key })
      .then([{ type: 'ApiKeyCreated', data: key }]);
    users
      .given([signedUp, { type: 'ApiKeyCreated', data: key }])
      .when({ type: 'DeleteApiKey', key: 'K-1' })
      .then([{ type: 'ApiKeyDeleted', data: { key: 'K-1' } }]);
    users.given([signedUp]).when({ type: 'DeleteApiKey', key: 'K-1' }).thenFails('NOT_FOUND');
  });

  it('is deleted once, keeping the name it had for its history', () => {
    users
      .given([signedUp])
      .when({ type: 'Delete' })
      .then([{ type: 'UserDeleted', data: { username: 'ann' } }]);
    const deleted = { type: 'UserDeleted', data: { username: 'ann' } };
    users.given([signedUp, deleted]).when({ type: 'Delete' }).thenFails('NOT_FOUND');
    users.given([signedUp, deleted]).when({ type: 'SetAdmin', admin: true }).thenFails('NOT_FOUND');
    const active = evolveUser({ status: 'Empty' }, signedUp);
    expect(evolveUser(active, deleted)).toEqual({ status: 'Deleted', id: 'u1', username: 'ann' });
  });
});

describe('user groups', () => {
  const created = { type: 'UserGroupCreated', data: { id: 'g1', name: 'ops' } };
  it('adds and removes members without duplicates', () => {
    groups
      .given([created])
      .when({ type: 'AddMember', user: 'u1' })
      .then([{ type: 'UserGroupMembersSet', data: { users: ['u1'] } }]);
    const withU1 = { type: 'UserGroupMembersSet', data: { users: ['u1'] } };
    groups.given([created, withU1]).when({ type: 'AddMember', user: 'u1' }).then([]);
    groups
      .given([created, withU1])
      .when({ type: 'RemoveMember', user: 'u1' })
      .then([{ type: 'UserGroupMembersSet', data: { users: [] } }]);
  });
  it('is gone once deleted', () => {
    const deleted = { type: 'UserGroupDeleted', data: { name: 'ops' } };
    groups.given([created, deleted]).when({ type: 'Rename', name: 'x' }).thenFails('NOT_FOUND');
  });
});

describe('effective permission', () => {
  const user = { admin: false, enabled: true, grants: emptyGrants() };
  it('is the highest of base, kind and resource grants of the user and their groups', () => {
    expect(effectivePermission(user, [], 'Deployment', 'd1')).toBe('None');
    expect(effectivePermission(user, [], 'Deployment', 'd1', 'Read')).toBe('Read');
    const group = { all: { Deployment: 'Execute' as const }, resources: {} };
    expect(effectivePermission(user, [group], 'Deployment', 'd1', 'Read')).toBe('Execute');
    expect(effectivePermission(user, [group], 'Server', 's1')).toBe('None');
    const own = { ...user, grants: { all: {}, resources: { 'Deployment/d1': 'Write' as const } } };
    expect(effectivePermission(own, [group], 'Deployment', 'd1')).toBe('Write');
    expect(effectivePermission(own, [group], 'Deployment', 'd2')).toBe('Execute');
  });
  it('gives admins everything and disabled users nothing', () => {
    expect(effectivePermission({ ...user, admin: true }, [], 'Server', 's1')).toBe('Write');
    expect(
      effectivePermission({ ...user, admin: true, enabled: false }, [], 'Server', 's1', 'Write'),
    ).toBe('None');
  });
});
