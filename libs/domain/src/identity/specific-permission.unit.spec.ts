import { groups, signedUp as signedUpFixture, users } from './identity.fixtures';
import { EVENT_UPCASTING } from '../upcasters';
import { effectiveSpecifics } from './effective-permission';
import { emptyGrants } from './permission-level';
import { evolveUser, type UserState } from './user';

const signedUp = signedUpFixture(true);
const userOf = (events: { type: string; data: unknown }[]) => {
  const state = events.reduce(evolveUser, { status: 'Empty' } as UserState);
  if (state.status !== 'Active') throw new Error('no user');
  return state.user;
};

describe('specific permissions in grants', () => {
  const attachOnServer = {
    type: 'UserResourcePermissionSet',
    data: { kind: 'Server', id: 's1', level: 'Read', specific: ['Attach'] },
  };

  it('records a grant with specifics, in the catalogue order', () => {
    users
      .given([signedUp])
      .when({
        type: 'SetResourcePermission',
        kind: 'Server',
        id: 's1',
        level: 'Read',
        specific: ['Terminal', 'Attach'],
      })
      .then([
        {
          type: 'UserResourcePermissionSet',
          data: { kind: 'Server', id: 's1', level: 'Read', specific: ['Attach', 'Terminal'] },
        },
      ]);
  });

  it('changes nothing when the level and the specifics are the same', () => {
    users
      .given([signedUp, attachOnServer])
      .when({
        type: 'SetResourcePermission',
        kind: 'Server',
        id: 's1',
        level: 'Read',
        specific: ['Attach'],
      })
      .then([]);
  });

  it('takes a level alone as a grant without specifics, as Komodo does', () => {
    users
      .given([signedUp, attachOnServer])
      .when({ type: 'SetResourcePermission', kind: 'Server', id: 's1', level: 'Read' })
      .then([
        {
          type: 'UserResourcePermissionSet',
          data: { kind: 'Server', id: 's1', level: 'Read', specific: [] },
        },
      ]);
  });

  it('refuses a specific that means nothing on the kind', () => {
    users
      .given([signedUp])
      .when({
        type: 'SetResourcePermission',
        kind: 'Deployment',
        id: 'd1',
        level: 'Read',
        specific: ['Attach'],
      })
      .thenFails('VALIDATION', /'Attach' is not a specific permission of a Deployment/);
    groups
      .given([{ type: 'UserGroupCreated', data: { id: 'g1', name: 'ops' } }])
      .when({ type: 'SetKindPermission', kind: 'Alerter', level: 'Read', specific: ['Logs'] })
      .thenFails('VALIDATION', /of a Alerter \(none\)/);
  });

  it('reads a grant recorded before specifics existed (version 1) with the reads it allowed then, not Attach or Terminal', () => {
    const legacy = {
      type: 'UserResourcePermissionSet',
      data: { kind: 'Server', id: 's1', level: 'Write' },
      schemaVersion: 1,
    };
    expect(EVENT_UPCASTING.version('UserResourcePermissionSet')).toBe(2);
    const upcast = EVENT_UPCASTING.upcast(legacy);
    expect(upcast).toEqual({
      ...legacy,
      schemaVersion: 2,
      data: {
        kind: 'Server',
        id: 's1',
        level: 'Write',
        specific: ['Inspect', 'Logs', 'Processes'],
      },
    });
    const user = userOf([signedUp, upcast]);
    expect(effectiveSpecifics(user, [], 'Server', 's1')).toEqual(['Inspect', 'Logs', 'Processes']);
    const none = EVENT_UPCASTING.upcast({ ...legacy, data: { ...legacy.data, level: 'None' } });
    expect(effectiveSpecifics(userOf([signedUp, none]), [], 'Server', 's1')).toEqual([]);
    // A current event is left as it is.
    const current = { ...upcast, data: { ...upcast.data, specific: ['Attach'] } };
    expect(EVENT_UPCASTING.upcast(current)).toBe(current);
  });

  it('adds up the specifics of the user and their groups, on the kind and the resource', () => {
    const user = userOf([signedUp, attachOnServer]);
    const group = {
      ...emptyGrants(),
      specific: { all: { Server: ['Logs' as const] }, resources: {} },
    };
    expect(effectiveSpecifics(user, [group], 'Server', 's1')).toEqual(['Attach', 'Logs']);
    expect(effectiveSpecifics(user, [group], 'Server', 's2')).toEqual(['Logs']);
    expect(effectiveSpecifics({ ...user, enabled: false }, [group], 'Server', 's1')).toEqual([]);
    expect(effectiveSpecifics({ ...user, admin: true }, [], 'Deployment', 'd1')).toEqual([
      'Inspect',
      'Logs',
      'Terminal',
    ]);
  });
});
