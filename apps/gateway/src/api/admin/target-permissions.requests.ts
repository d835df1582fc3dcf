import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { USER_REQUESTS } from '@monitor/contracts';
import { grantKey, type Grants } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { RequestRegistry } from '../request-registry';
import { findResource } from './identity-lookup';

/**
 * `ListTargetPermissions { target }` (Monitor's; Komodo lists grants per user only): each
 * non-admin user's and each group's own grant on one resource, as Komodo's Permission, so a
 * resource's page asks once rather than once per user and group. Grants on the whole kind are on
 * the users and groups themselves (`all`).
 */
@Injectable()
export class TargetPermissionRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(USER_REQUESTS.ListTargetPermissions, async ({ target }) => {
      const resource = findResource(this.readModel, target);
      const key = grantKey(resource.kind, resource.id);
      const resource_target = { type: resource.kind, id: resource.id };
      const holders: { type: 'User' | 'UserGroup'; id: string; grants: Grants }[] = [
        ...this.readModel.identity
          .allUsers()
          .filter((u) => !u.admin)
          .map((u) => ({ type: 'User' as const, id: u.id, grants: u.grants })),
        ...this.readModel.identity
          .allGroups()
          .map((g) => ({ type: 'UserGroup' as const, id: g.id, grants: g.grants })),
      ];
      return holders
        .map((h) => ({
          user_target: { type: h.type, id: h.id },
          resource_target,
          level: h.grants.resources[key] ?? 'None',
          specific: h.grants.specific?.resources[key] ?? [],
        }))
        .filter((p) => p.level !== 'None' || p.specific.length > 0);
    });
  }
}
