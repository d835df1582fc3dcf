import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  EmptyDto,
  GetUserGroupDto,
  RenameUserGroupDto,
  SetEveryoneUserGroupDto,
  SetUsersInUserGroupDto,
  UserGroupIdDto,
  UserGroupMemberDto,
  UserGroupNameDto,
} from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { IdentityCommands } from '../../auth/identity-commands';
import { request, RequestRegistry } from '../request-registry';
import { findGroup, findUser, toKomodoUserGroup } from './identity-lookup';

/** User groups: admins manage them; a user may list the groups they belong to. */
@Injectable()
export class UserGroupRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly identity: IdentityCommands,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    const admin = { type: 'admin' } as const;
    const answer = (idOrName: string) => toKomodoUserGroup(findGroup(this.readModel, idOrName));
    this.registry.add(
      request({
        verb: 'read',
        name: 'ListUserGroups',
        dto: EmptyDto,
        access: { type: 'user' },
        handle: async (_, { principal }) =>
          (principal.isAdmin
            ? this.readModel.identity.allGroups()
            : this.readModel.identity.groupsOf(principal.id)
          ).map(toKomodoUserGroup),
      }),
      request({
        verb: 'read',
        name: 'GetUserGroup',
        dto: GetUserGroupDto,
        access: admin,
        handle: async ({ user_group }) => answer(user_group),
      }),
      request({
        verb: 'write',
        name: 'CreateUserGroup',
        dto: UserGroupNameDto,
        access: admin,
        handle: async ({ name }, { meta }) => answer(await this.identity.createGroup(name, meta)),
      }),
      request({
        verb: 'write',
        name: 'RenameUserGroup',
        dto: RenameUserGroupDto,
        access: admin,
        handle: async ({ id, name }, { meta }) => {
          const group = findGroup(this.readModel, id);
          await this.identity.renameGroup(group.id, group.name, name, meta);
          return answer(group.id);
        },
      }),
      request({
        verb: 'write',
        name: 'DeleteUserGroup',
        dto: UserGroupIdDto,
        access: admin,
        handle: async ({ id }, { meta }) => {
          const group = findGroup(this.readModel, id);
          await this.identity.deleteGroup(group.id, group.name, meta);
          return toKomodoUserGroup(group);
        },
      }),
      this.member('AddUserToUserGroup', 'AddMember'),
      this.member('RemoveUserFromUserGroup', 'RemoveMember'),
      request({
        verb: 'write',
        name: 'SetUsersInUserGroup',
        dto: SetUsersInUserGroupDto,
        access: admin,
        handle: async ({ user_group, users }, { meta }) => {
          const group = findGroup(this.readModel, user_group);
          const ids = users.map((u) => findUser(this.readModel, u).id);
          await this.identity.group(group.id, { type: 'SetMembers', users: ids }, meta);
          return answer(group.id);
        },
      }),
      request({
        verb: 'write',
        name: 'SetEveryoneUserGroup',
        dto: SetEveryoneUserGroupDto,
        access: admin,
        handle: async ({ user_group, everyone }, { meta }) => {
          const group = findGroup(this.readModel, user_group);
          await this.identity.group(group.id, { type: 'SetEveryone', everyone }, meta);
          return answer(group.id);
        },
      }),
    );
  }

  private member(name: string, type: 'AddMember' | 'RemoveMember') {
    return request({
      verb: 'write',
      name,
      dto: UserGroupMemberDto,
      access: { type: 'admin' },
      handle: async ({ user_group, user }, { meta }) => {
        const group = findGroup(this.readModel, user_group);
        await this.identity.group(
          group.id,
          { type, user: findUser(this.readModel, user).id },
          meta,
        );
        return toKomodoUserGroup(findGroup(this.readModel, group.id));
      },
    });
  }
}
