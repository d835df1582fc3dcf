import { Inject, Injectable } from '@nestjs/common';
import type { Access } from '@monitor/contracts';
import {
  INHERITS_SERVER_SPECIFICS,
  namingFields,
  specificsOf,
  type PermissionLevel,
  type Resource,
  type ResourceKind,
  type SpecificPermission,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../auth/principal';
import { ApiError } from './api-error';

/** Applies a request's Access rule, with messages that say what is missing. */
@Injectable()
export class AccessCheck {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {}

  check(
    access: Access<Record<string, unknown>>,
    params: object,
    principal: Principal,
    request: string,
  ): void {
    if (access.type === 'user') return;
    if (access.type === 'admin') {
      if (!principal.isAdmin) throw new ApiError(403, `${request} is for admins only`, 'FORBIDDEN');
      return;
    }
    const { kind, id } = targetOf(access, params);
    this.require(principal, kind, id, access.level, access.specific);
  }

  /** The resource, if the principal has at least `level` and every one of `specific` on it. */
  require(
    principal: Principal,
    kind: ResourceKind,
    idOrName: string,
    level: PermissionLevel,
    specific: readonly SpecificPermission[] = [],
  ): Resource {
    const resource = this.find(kind, idOrName);
    const held = this.specifics(principal, resource);
    const missing = specific.filter((s) => !held.includes(s));
    if (!principal.can(resource, level) || missing.length) {
      const has = principal.level(resource);
      const needed = specific.length ? ` and ${specific.join(', ')}` : '';
      const lacking = missing.length ? `, without ${missing.join(', ')}` : '';
      throw new ApiError(
        403,
        `you need ${level} permission${needed} on ${kind} '${resource.name}' (you have ${has}${lacking})`,
        'FORBIDDEN',
      );
    }
    return resource;
  }

  /**
   * The specific permissions the principal holds on a resource: their own grants, and for a
   * Deployment or Stack those they hold on its Server too, as in Komodo (Logs on a server
   * reads the logs of everything on it).
   */
  specifics(principal: Principal, resource: Resource): SpecificPermission[] {
    const own = principal.specifics(resource);
    if (!INHERITS_SERVER_SPECIFICS.includes(resource.kind)) return own;
    const serverId = namingFields(resource.config).server_id;
    const server = serverId ? this.readModel.resource('Server', serverId) : undefined;
    if (!server || server.id !== serverId) return own;
    const inherited = principal.specifics(server);
    return specificsOf(resource.kind).filter((s) => own.includes(s) || inherited.includes(s));
  }

  private find(kind: ResourceKind, idOrName: string): Resource {
    const resource = this.readModel.resource(kind, idOrName);
    if (!resource)
      throw new ApiError(404, `no ${kind} has the name or id '${idOrName}'`, 'NOT_FOUND');
    return resource;
  }
}

/**
 * The resource a rule names: the param holds the id or name of the rule's kind, or (without a
 * kind) a resource target `{ type, id }`. Params have passed their DTO, so the param is there.
 */
function targetOf(
  access: Extract<Access<Record<string, unknown>>, { type: 'resource' }>,
  params: object,
): { kind: ResourceKind; id: string } {
  const value: unknown = Reflect.get(params, access.param);
  if (access.kind) return { kind: access.kind, id: String(value) };
  const target = value as { type: ResourceKind; id: string };
  return { kind: target.type, id: target.id };
}
