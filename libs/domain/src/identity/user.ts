import { isResourceKind, type ResourceKind } from '../kinds';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { checkName } from '../shared/names';
import {
  withKindGrant,
  withResourceGrant,
  type KindGrantData,
  type ResourceGrantData,
} from './grant-changes';
import {
  emptyGrants,
  grantKey,
  isPermissionLevel,
  type Grants,
  type PermissionLevel,
} from './permission-level';
import {
  decideTokens,
  evolveTokens,
  revokedByPasswordChange,
  type TokenRevocations,
  type UserTokenCommand,
  type UserTokenEvent,
} from './user-tokens';
import { checkSpecifics, sameSpecifics, type SpecificPermission } from './specific-permission';

export const userStream = (id: string) => `user-${id}`;

export interface ApiKeyRecord {
  key: string;
  name: string;
  /** A hash of the secret; the secret itself is shown once and never stored. */
  secretHash: string;
  createdAt: number;
  /** Milliseconds since the epoch; 0 = never. */
  expires: number;
}

export interface User {
  id: string;
  username: string;
  passwordHash: string;
  enabled: boolean;
  admin: boolean;
  createServers: boolean;
  createBuilds: boolean;
  grants: Grants;
  apiKeys: ApiKeyRecord[];
  /** Absent until a password change or a Logout revokes login tokens. */
  tokens?: TokenRevocations;
}

/** A deleted user keeps their stream (their history) and name, which no longer logs in. */
export type UserState =
  | { status: 'Empty' }
  | { status: 'Active'; user: User }
  | { status: 'Deleted'; id: string; username: string };

export type UserEvent =
  | DomainEvent<
      'UserSignedUp',
      { id: string; username: string; passwordHash: string; enabled: boolean; admin: boolean }
    >
  | DomainEvent<'UserPasswordChanged', { passwordHash: string }>
  | DomainEvent<'UserEnabledChanged', { enabled: boolean }>
  | DomainEvent<'UserAdminChanged', { admin: boolean }>
  | DomainEvent<'UserCreatePermissionsChanged', { createServers: boolean; createBuilds: boolean }>
  | DomainEvent<'UserKindPermissionSet', KindGrantData>
  | DomainEvent<'UserResourcePermissionSet', ResourceGrantData>
  | DomainEvent<'ApiKeyCreated', ApiKeyRecord>
  | DomainEvent<'ApiKeyDeleted', { key: string }>
  | DomainEvent<'UserDeleted', { username: string }>
  | UserTokenEvent;

export type UserCommand =
  | {
      type: 'SignUp';
      id: string;
      username: string;
      passwordHash: string;
      enabled: boolean;
      admin: boolean;
    }
  /** `at` (epoch ms) revokes the login tokens issued before it. */
  | { type: 'ChangePassword'; passwordHash: string; at: number }
  | { type: 'SetEnabled'; enabled: boolean }
  | { type: 'SetAdmin'; admin: boolean }
  | { type: 'SetCreatePermissions'; createServers?: boolean; createBuilds?: boolean }
  | { type: 'SetKindPermission'; kind: string; level: string; specific?: string[] }
  | { type: 'SetResourcePermission'; kind: string; id: string; level: string; specific?: string[] }
  | { type: 'CreateApiKey'; key: ApiKeyRecord }
  | { type: 'DeleteApiKey'; key: string }
  | { type: 'Delete' }
  | UserTokenCommand;

export function evolveUser(state: UserState, event: DomainEvent): UserState {
  const e = event as UserEvent;
  if (e.type === 'UserSignedUp') {
    const user = {
      ...e.data,
      createServers: false,
      createBuilds: false,
      grants: emptyGrants(),
      apiKeys: [],
    };
    return { status: 'Active', user };
  }
  if (state.status !== 'Active') return state;
  const user = state.user;
  const next = (changes: Partial<User>): UserState => ({
    status: 'Active',
    user: { ...user, ...changes },
  });
  switch (e.type) {
    case 'UserPasswordChanged':
      return next({ passwordHash: e.data.passwordHash });
    case 'UserEnabledChanged':
      return next({ enabled: e.data.enabled });
    case 'UserAdminChanged':
      return next({ admin: e.data.admin });
    case 'UserCreatePermissionsChanged':
      return next(e.data);
    case 'UserKindPermissionSet':
      return next({ grants: withKindGrant(user.grants, e.data) });
    case 'UserResourcePermissionSet':
      return next({ grants: withResourceGrant(user.grants, e.data) });
    case 'ApiKeyCreated':
      return next({ apiKeys: [...user.apiKeys, e.data] });
    case 'ApiKeyDeleted':
      return next({ apiKeys: user.apiKeys.filter((k) => k.key !== e.data.key) });
    case 'UserTokensRevoked':
    case 'UserTokenRevoked':
      return next({ tokens: evolveTokens(user.tokens, e) });
    case 'UserDeleted':
      return { status: 'Deleted', id: user.id, username: user.username };
    default:
      return state;
  }
}

export function decideUser(state: UserState, command: UserCommand): UserEvent[] {
  if (command.type === 'SignUp') {
    if (state.status !== 'Empty') throw conflict(`user ${command.id} already exists`);
    const { type: _type, ...data } = command;
    return [
      {
        type: 'UserSignedUp',
        data: { ...data, username: checkName(command.username, 'username') },
      },
    ];
  }
  if (state.status !== 'Active') throw notFound('user not found');
  const { user } = state;
  switch (command.type) {
    case 'ChangePassword':
      return [
        { type: 'UserPasswordChanged', data: { passwordHash: command.passwordHash } },
        revokedByPasswordChange(command.at),
      ];
    case 'SetEnabled':
      return user.enabled === command.enabled
        ? []
        : [{ type: 'UserEnabledChanged', data: { enabled: command.enabled } }];
    case 'SetAdmin':
      return user.admin === command.admin
        ? []
        : [{ type: 'UserAdminChanged', data: { admin: command.admin } }];
    case 'SetCreatePermissions': {
      const createServers = command.createServers ?? user.createServers;
      const createBuilds = command.createBuilds ?? user.createBuilds;
      if (createServers === user.createServers && createBuilds === user.createBuilds) return [];
      return [{ type: 'UserCreatePermissionsChanged', data: { createServers, createBuilds } }];
    }
    case 'SetKindPermission': {
      const grant = checkGrant(command.kind, command.level, command.specific);
      return unchangedKindGrant(user.grants, grant)
        ? []
        : [{ type: 'UserKindPermissionSet', data: grant }];
    }
    case 'SetResourcePermission': {
      const grant = {
        ...checkGrant(command.kind, command.level, command.specific),
        id: command.id,
      };
      return unchangedResourceGrant(user.grants, grant)
        ? []
        : [{ type: 'UserResourcePermissionSet', data: grant }];
    }
    case 'CreateApiKey':
      return [{ type: 'ApiKeyCreated', data: command.key }];
    case 'DeleteApiKey':
      if (!user.apiKeys.some((k) => k.key === command.key))
        throw notFound(`no API key '${command.key}'`);
      return [{ type: 'ApiKeyDeleted', data: { key: command.key } }];
    case 'Delete':
      return [{ type: 'UserDeleted', data: { username: user.username } }];
    case 'LogOut':
    case 'LogOutEverywhere':
      return decideTokens(command);
  }
}

/** A grant as given (Komodo's `permission`: a level, or a level with specifics). */
export function checkGrant(
  kind: string,
  level: string,
  specific: string[] = [],
): { kind: ResourceKind; level: PermissionLevel; specific: SpecificPermission[] } {
  if (!isResourceKind(kind))
    throw invalid(`resource_type: '${kind}' is not a resource kind`, { field: 'resource_type' });
  if (!isPermissionLevel(level)) {
    throw invalid(`permission: '${level}' is not one of None, Read, Execute, Write`, {
      field: 'permission',
    });
  }
  return { kind, level, specific: checkSpecifics(kind, specific) };
}

export const unchangedKindGrant = (grants: Grants, grant: KindGrantData) =>
  (grants.all[grant.kind] ?? 'None') === grant.level &&
  sameSpecifics(grants.specific?.all[grant.kind], grant.specific);

export function unchangedResourceGrant(grants: Grants, grant: ResourceGrantData): boolean {
  const key = grantKey(grant.kind, grant.id);
  return (
    (grants.resources[key] ?? 'None') === grant.level &&
    sameSpecifics(grants.specific?.resources[key], grant.specific)
  );
}

/** The user decider: what a stream handler loads, decides and appends with. */
export const userDecider = {
  initialState: (): UserState => ({ status: 'Empty' }),
  evolve: evolveUser,
  decide: decideUser,
};
