import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { UserGroupMemberDto, USER_GROUP_REQUESTS } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { IdentityCommands } from '../../auth/identity-commands';
import { RequestRegistry } from '../request-registry';
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
    const answer = (idOrName: string) => toKomodoUserGroup(findGroup(this.readModel, idOrName));
    this.registry.handle(USER_GROUP_REQUESTS.ListUserGroups, async (_, { principal }) =>
      (principal.isAdmin
        ? this.readModel.identity.allGroups()
        : this.readModel.identity.groupsOf(principal.id)
      ).map(toKomodoUserGroup),
    );
    this.registry.handle(USER_GROUP_REQUESTS.GetUserGroup, async ({ user_group }) =>
      answer(user_group),
    );
    this.registry.handle(USER_GROUP_REQUESTS.CreateUserGroup, async ({ name }, { meta }) =>
      answer(await this.identity.createGroup(name, meta)),
    );
    this.registry.handle(USER_GROUP_REQUESTS.RenameUserGroup, async ({ id, name }, { meta }) => {
      const group = findGroup(this.readModel, id);
      await this.identity.renameGroup(group.id, group.name, name, meta);
      return answer(group.id);
    });
    this.registry.handle(USER_GROUP_REQUESTS.DeleteUserGroup, async ({ id }, { meta }) => {
      const group = findGroup(this.readModel, id);
      await this.identity.deleteGroup(group.id, group.name, meta);
      return toKomodoUserGroup(group);
    });
    this.registry.handle(
      USER_GROUP_REQUESTS.SetUsersInUserGroup,
      async ({ user_group, users }, { meta }) => {
        const group = findGroup(this.readModel, user_group);
        const ids = users.map((u) => findUser(this.readModel, u).id);
        await this.identity.group(group.id, { type: 'SetMembers', users: ids }, meta);
        return answer(group.id);
      },
    );
    this.registry.handle(
      USER_GROUP_REQUESTS.SetEveryoneUserGroup,
      async ({ user_group, everyone }, { meta }) => {
        const group = findGroup(this.readModel, user_group);
        await this.identity.group(group.id, { type: 'SetEveryone', everyone }, meta);
        return answer(group.id);
      },
    );
    this.registry.handle(USER_GROUP_REQUESTS.AddUserToUserGroup, (params, { meta }) =>
      this.member('AddMember', params, meta),
    );
    this.registry.handle(USER_GROUP_REQUESTS.RemoveUserFromUserGroup, (params, { meta }) =>
      this.member('RemoveMember', params, meta),
    );
  }

  private async member(
    type: 'AddMember' | 'RemoveMember',
    { user_group, user }: UserGroupMemberDto,
    meta: CommandMeta,
  ) {
    const group = findGroup(this.readModel, user_group);
    await this.identity.group(group.id, { type, user: findUser(this.readModel, user).id }, meta);
    return toKomodoUserGroup(findGroup(this.readModel, group.id));
  }
}
