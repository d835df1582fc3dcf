import {
  CreateLocalUserDto,
  DeleteUserDto,
  FindUserDto,
  GetPermissionDto,
  GetUserGroupDto,
  ListTargetPermissionsDto,
  ListUsersDto,
  ListUserTargetPermissionsDto,
  RenameUserGroupDto,
  SetEveryoneUserGroupDto,
  SetUsersInUserGroupDto,
  UpdatePermissionOnResourceTypeDto,
  UpdatePermissionOnTargetDto,
  UpdateUserAdminDto,
  UpdateUserBasePermissionsDto,
  UserGroupIdDto,
  UserGroupMemberDto,
  UserGroupNameDto,
  UserIdDto,
} from '../requests/identity.dto';
import { EmptyDto } from '../requests/read.dto';
import type { Types } from 'komodo_client';
import type { UserAnswer, UserGroupAnswer } from './answers';
import { ADMIN, entry, komodo, USER } from './entry';

/**
 * Users, API keys, user groups and grants: the gateway's own. Who a user is and what they may do
 * is admin business; a user may read their own keys and grants, and any user's name.
 */
export const USER_REQUESTS = {
  ListUsers: entry<UserAnswer[]>()('ListUsers', 'read', ListUsersDto, ADMIN, 'gateway'),
  FindUser: entry<UserAnswer>()('FindUser', 'read', FindUserDto, ADMIN, 'gateway'),
  GetUsername: komodo('GetUsername', 'read', UserIdDto, USER, 'gateway'),
  ListApiKeys: komodo('ListApiKeys', 'read', EmptyDto, USER, 'gateway'),
  GetPermission: komodo('GetPermission', 'read', GetPermissionDto, USER, 'gateway'),
  ListUserTargetPermissions: komodo(
    'ListUserTargetPermissions',
    'read',
    ListUserTargetPermissionsDto,
    ADMIN,
    'gateway',
  ),
  /** Monitor's: every user's and group's own grant on one resource. */
  ListTargetPermissions: entry<Types.Permission[]>()(
    'ListTargetPermissions',
    'read',
    ListTargetPermissionsDto,
    ADMIN,
    'gateway',
  ),
  CreateLocalUser: komodo('CreateLocalUser', 'write', CreateLocalUserDto, ADMIN, 'gateway'),
  DeleteUser: komodo('DeleteUser', 'write', DeleteUserDto, ADMIN, 'gateway'),
  UpdateUserAdmin: komodo('UpdateUserAdmin', 'write', UpdateUserAdminDto, ADMIN, 'gateway'),
  UpdateUserBasePermissions: komodo(
    'UpdateUserBasePermissions',
    'write',
    UpdateUserBasePermissionsDto,
    ADMIN,
    'gateway',
  ),
  UpdatePermissionOnTarget: komodo(
    'UpdatePermissionOnTarget',
    'write',
    UpdatePermissionOnTargetDto,
    ADMIN,
    'gateway',
  ),
  UpdatePermissionOnResourceType: komodo(
    'UpdatePermissionOnResourceType',
    'write',
    UpdatePermissionOnResourceTypeDto,
    ADMIN,
    'gateway',
  ),
};

/** User groups: any user lists the groups they are in; the rest is for admins. */
export const USER_GROUP_REQUESTS = {
  ListUserGroups: entry<UserGroupAnswer[]>()('ListUserGroups', 'read', EmptyDto, USER, 'gateway'),
  GetUserGroup: entry<UserGroupAnswer>()('GetUserGroup', 'read', GetUserGroupDto, ADMIN, 'gateway'),
  CreateUserGroup: komodo('CreateUserGroup', 'write', UserGroupNameDto, ADMIN, 'gateway'),
  RenameUserGroup: komodo('RenameUserGroup', 'write', RenameUserGroupDto, ADMIN, 'gateway'),
  DeleteUserGroup: komodo('DeleteUserGroup', 'write', UserGroupIdDto, ADMIN, 'gateway'),
  AddUserToUserGroup: komodo('AddUserToUserGroup', 'write', UserGroupMemberDto, ADMIN, 'gateway'),
  RemoveUserFromUserGroup: komodo(
    'RemoveUserFromUserGroup',
    'write',
    UserGroupMemberDto,
    ADMIN,
    'gateway',
  ),
  SetUsersInUserGroup: komodo(
    'SetUsersInUserGroup',
    'write',
    SetUsersInUserGroupDto,
    ADMIN,
    'gateway',
  ),
  SetEveryoneUserGroup: komodo(
    'SetEveryoneUserGroup',
    'write',
    SetEveryoneUserGroupDto,
    ADMIN,
    'gateway',
  ),
};
