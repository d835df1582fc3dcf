import { conflict, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { checkName } from '../shared/names';
import {
  withKindGrant,
  withResourceGrant,
  type KindGrantData,
  type ResourceGrantData,
} from './grant-changes';
import { emptyGrants, type Grants } from './permission-level';
import { checkGrant, unchangedKindGrant, unchangedResourceGrant } from './user';

export const userGroupStream = (id: string) => `usergroup-${id}`;

export interface UserGroup {
  id: string;
  name: string;
  /** Every user is a member. */
  everyone: boolean;
  users: string[];
  grants: Grants;
}

export type UserGroupState =
  { status: 'Empty' } | { status: 'Active' | 'Deleted'; group: UserGroup };

export type UserGroupEvent =
  | DomainEvent<'UserGroupCreated', { id: string; name: string }>
  | DomainEvent<'UserGroupRenamed', { from: string; to: string }>
  | DomainEvent<'UserGroupMembersSet', { users: string[] }>
  | DomainEvent<'UserGroupEveryoneSet', { everyone: boolean }>
  | DomainEvent<'UserGroupKindPermissionSet', KindGrantData>
  | DomainEvent<'UserGroupResourcePermissionSet', ResourceGrantData>
  | DomainEvent<'UserGroupDeleted', { name: string }>;

export type UserGroupCommand =
  | { type: 'Create'; id: string; name: string }
  | { type: 'Rename'; name: string }
  | { type: 'SetMembers'; users: string[] }
  | { type: 'AddMember'; user: string }
  | { type: 'RemoveMember'; user: string }
  | { type: 'SetEveryone'; everyone: boolean }
  | { type: 'SetKindPermission'; kind: string; level: string; specific?: string[] }
  | { type: 'SetResourcePermission'; kind: string; id: string; level: string; specific?: string[] }
  | { type: 'Delete' };

export function evolveUserGroup(state: UserGroupState, event: DomainEvent): UserGroupState {
  const e = event as UserGroupEvent;
  if (e.type === 'UserGroupCreated') {
    return {
      status: 'Active',
      group: { ...e.data, everyone: false, users: [], grants: emptyGrants() },
    };
  }
  if (state.status !== 'Active') return state;
  const group = state.group;
  const next = (changes: Partial<UserGroup>): UserGroupState => ({
    status: 'Active',
    group: { ...group, ...changes },
  });
  switch (e.type) {
    case 'UserGroupRenamed':
      return next({ name: e.data.to });
    case 'UserGroupMembersSet':
      return next({ users: e.data.users });
    case 'UserGroupEveryoneSet':
      return next({ everyone: e.data.everyone });
    case 'UserGroupKindPermissionSet':
      return next({ grants: withKindGrant(group.grants, e.data) });
    case 'UserGroupResourcePermissionSet':
      return next({ grants: withResourceGrant(group.grants, e.data) });
    case 'UserGroupDeleted':
      return { status: 'Deleted', group };
    default:
      return state;
  }
}

export function decideUserGroup(
  state: UserGroupState,
  command: UserGroupCommand,
): UserGroupEvent[] {
  if (command.type === 'Create') {
    if (state.status !== 'Empty') throw conflict(`user group ${command.id} already exists`);
    return [{ type: 'UserGroupCreated', data: { id: command.id, name: checkName(command.name) } }];
  }
  if (state.status !== 'Active') throw notFound('user group not found');
  const { group } = state;
  const members = (users: string[]): UserGroupEvent[] => {
    const unique = [...new Set(users)];
    const same =
      unique.length === group.users.length && unique.every((u) => group.users.includes(u));
    return same ? [] : [{ type: 'UserGroupMembersSet', data: { users: unique } }];
  };
  switch (command.type) {
    case 'Rename': {
      const name = checkName(command.name);
      return name === group.name
        ? []
        : [{ type: 'UserGroupRenamed', data: { from: group.name, to: name } }];
    }
    case 'SetMembers':
      return members(command.users);
    case 'AddMember':
      return members([...group.users, command.user]);
    case 'RemoveMember':
      return members(group.users.filter((u) => u !== command.user));
    case 'SetEveryone':
      return group.everyone === command.everyone
        ? []
        : [{ type: 'UserGroupEveryoneSet', data: { everyone: command.everyone } }];
    case 'SetKindPermission': {
      const grant = checkGrant(command.kind, command.level, command.specific);
      return unchangedKindGrant(group.grants, grant)
        ? []
        : [{ type: 'UserGroupKindPermissionSet', data: grant }];
    }
    case 'SetResourcePermission': {
      const grant = {
        ...checkGrant(command.kind, command.level, command.specific),
        id: command.id,
      };
      return unchangedResourceGrant(group.grants, grant)
        ? []
        : [{ type: 'UserGroupResourcePermissionSet', data: grant }];
    }
    case 'Delete':
      return [{ type: 'UserGroupDeleted', data: { name: group.name } }];
  }
}

export const userGroupDecider = {
  initialState: (): UserGroupState => ({ status: 'Empty' }),
  evolve: evolveUserGroup,
  decide: decideUserGroup,
};
