import type { Resource, ResourceKind, User, UserGroup } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import type { PermissionParam } from '@monitor/contracts';
import { ApiError } from '../api-error';

/** Finds users and groups named in admin requests, by id or name, or answers 404. */
export function findUser(readModel: ReadModel, idOrName: string): User {
  const user = readModel.identity.findUser(idOrName);
  if (!user) throw new ApiError(404, `no user has the name or id '${idOrName}'`, 'NOT_FOUND');
  return user;
}

export function findGroup(readModel: ReadModel, idOrName: string): UserGroup {
  const group = readModel.identity.group(idOrName);
  if (!group)
    throw new ApiError(404, `no user group has the name or id '${idOrName}'`, 'NOT_FOUND');
  return group;
}

export function findResource(
  readModel: ReadModel,
  target: { type: ResourceKind; id: string },
): Resource {
  const resource = readModel.resource(target.type, target.id);
  if (!resource)
    throw new ApiError(404, `no ${target.type} has the name or id '${target.id}'`, 'NOT_FOUND');
  return resource;
}

/**
 * Komodo sends a level, or `{ level, specific }`; a level alone grants no specifics, as in
 * Komodo.
 */
export function grantOf(permission: PermissionParam): { level: string; specific: string[] } {
  if (typeof permission === 'string') return { level: permission, specific: [] };
  const { level, specific = [] } = permission;
  if (!Array.isArray(specific) || specific.some((s) => typeof s !== 'string')) {
    throw new ApiError(
      400,
      'permission.specific: must be a list of specific permissions (e.g. ["Attach", "Logs"])',
      'VALIDATION',
    );
  }
  return { level: String(level), specific };
}

export function toKomodoUserGroup(group: UserGroup) {
  return {
    _id: { $oid: group.id },
    name: group.name,
    everyone: group.everyone,
    users: group.users,
    all: group.grants.all,
  };
}
