import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { UpdateUserBasePermissionsDto, USER_REQUESTS } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { IdentityCommands } from '../../auth/identity-commands';
import { toKomodoUser } from '../../auth/user-shape';
import { ApiError } from '../api-error';
import { RequestRegistry, type RequestContext } from '../request-registry';
import { AccessCheck } from '../access-check';
import { findGroup, findResource, findUser, grantOf } from './identity-lookup';

/** Users and what they are granted: admin business, except reading one's own permissions. */
@Injectable()
export class UserRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly identity: IdentityCommands,
    private readonly access: AccessCheck,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(USER_REQUESTS.ListUsers, async () =>
      this.readModel.identity.allUsers().map(toKomodoUser),
    );
    this.registry.handle(USER_REQUESTS.FindUser, async ({ user }) =>
      toKomodoUser(findUser(this.readModel, user)),
    );
    this.registry.handle(USER_REQUESTS.ListApiKeys, async (_, { principal }) =>
      // As Komodo, the secret is never answered: its field is blank.
      principal.user.apiKeys.map(({ key, name, createdAt, expires }) => ({
        key,
        secret: '',
        name,
        user_id: principal.id,
        created_at: createdAt,
        expires,
      })),
    );
    this.registry.handle(USER_REQUESTS.GetPermission, async ({ target }, { principal }) => {
      const resource = findResource(this.readModel, target);
      return {
        level: principal.level(resource),
        specific: this.access.specifics(principal, resource),
      };
    });
    this.registry.handle(USER_REQUESTS.ListUserTargetPermissions, async ({ user_target }) => {
      const grants =
        user_target.type === 'User'
          ? findUser(this.readModel, user_target.id).grants
          : findGroup(this.readModel, user_target.id).grants;
      return Object.entries(grants.resources).map(([key, level]) => {
        const [type, id] = key.split('/');
        const specific = grants.specific?.resources[key] ?? [];
        return { user_target, resource_target: { type, id }, level, specific };
      });
    });
    this.registry.handle(
      USER_REQUESTS.UpdateUserAdmin,
      async ({ user_id, admin: value }, context) => {
        const user = findUser(this.readModel, user_id);
        if (user.id === context.principal.id && !value) {
          throw new ApiError(
            400,
            'admin: you cannot take your own admin rights away',
            'VALIDATION',
          );
        }
        await this.identity.user(user.id, { type: 'SetAdmin', admin: value }, context.meta);
        return {};
      },
    );
    this.registry.handle(USER_REQUESTS.UpdateUserBasePermissions, async (params, { meta }) =>
      this.basePermissions(params, meta),
    );
    this.registry.handle(
      USER_REQUESTS.UpdatePermissionOnTarget,
      async ({ user_target, resource_target, permission }, { meta }) => {
        const resource = findResource(this.readModel, resource_target);
        const command = {
          type: 'SetResourcePermission' as const,
          kind: resource.kind,
          id: resource.id,
          ...grantOf(permission),
        };
        await this.grant(user_target, command, meta);
        return {};
      },
    );
    this.registry.handle(
      USER_REQUESTS.UpdatePermissionOnResourceType,
      async ({ user_target, resource_type, permission }, { meta }) => {
        await this.grant(
          user_target,
          { type: 'SetKindPermission', kind: resource_type, ...grantOf(permission) },
          meta,
        );
        return {};
      },
    );
  }

  private async basePermissions(
    params: UpdateUserBasePermissionsDto,
    meta: RequestContext['meta'],
  ) {
    const user = findUser(this.readModel, params.user_id);
    if (params.enabled !== undefined) {
      await this.identity.user(user.id, { type: 'SetEnabled', enabled: params.enabled }, meta);
    }
    if (params.create_servers !== undefined || params.create_builds !== undefined) {
      const command = {
        type: 'SetCreatePermissions' as const,
        createServers: params.create_servers,
        createBuilds: params.create_builds,
      };
      await this.identity.user(user.id, command, meta);
    }
    return {};
  }

  private async grant(
    target: { type: 'User' | 'UserGroup'; id: string },
    command:
      | {
          type: 'SetResourcePermission';
          kind: string;
          id: string;
          level: string;
          specific: string[];
        }
      | { type: 'SetKindPermission'; kind: string; level: string; specific: string[] },
    meta: RequestContext['meta'],
  ): Promise<void> {
    if (target.type === 'User')
      await this.identity.user(findUser(this.readModel, target.id).id, command, meta);
    else await this.identity.group(findGroup(this.readModel, target.id).id, command, meta);
  }
}
