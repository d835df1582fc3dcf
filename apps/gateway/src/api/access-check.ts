import { Inject, Injectable } from '@nestjs/common';
import type { PermissionLevel, Resource, ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../auth/principal';
import { ApiError } from './api-error';
import type { Access } from './request-registry';

/** Applies a request's Access rule, with messages that say what is missing. */
@Injectable()
export class AccessCheck {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {}

  check<P>(access: Access<P>, params: P, principal: Principal, request: string): void {
    if (access.type === 'user') return;
    if (access.type === 'admin') {
      if (!principal.isAdmin) throw new ApiError(403, `${request} is for admins only`, 'FORBIDDEN');
      return;
    }
    const { kind, id } = access.target(params);
    this.require(principal, kind, id, access.level);
  }

  /** The resource, if the principal has at least `level` on it. */
  require(
    principal: Principal,
    kind: ResourceKind,
    idOrName: string,
    level: PermissionLevel,
  ): Resource {
    const resource = this.readModel.resource(kind, idOrName);
    if (!resource)
      throw new ApiError(404, `no ${kind} has the name or id '${idOrName}'`, 'NOT_FOUND');
    if (!principal.can(resource, level)) {
      const has = principal.level(resource);
      throw new ApiError(
        403,
        `you need ${level} permission on ${kind} '${resource.name}' (you have ${has})`,
        'FORBIDDEN',
      );
    }
    return resource;
  }
}
