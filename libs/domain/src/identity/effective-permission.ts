import type { ResourceKind } from '../kinds';
import { grantKey, maxLevel, type Grants, type PermissionLevel } from './permission-level';
import { specificsOf, type SpecificPermission } from './specific-permission';

export interface PermissionSubject {
  admin: boolean;
  enabled: boolean;
  grants: Grants;
}

/**
 * What a user may do with one resource: the highest of the resource's base permission, and the
 * user's and each of their groups' grants on the kind ("all") and on the resource. Admins may
 * do everything; a disabled user nothing.
 */
export function effectivePermission(
  user: PermissionSubject,
  groups: Grants[],
  kind: ResourceKind,
  resourceId: string,
  basePermission: PermissionLevel = 'None',
): PermissionLevel {
  if (!user.enabled) return 'None';
  if (user.admin) return 'Write';
  const key = grantKey(kind, resourceId);
  const sources = [user.grants, ...groups];
  return maxLevel(basePermission, ...sources.flatMap((g) => [g.all[kind], g.resources[key]]));
}

/**
 * The specific permissions a user holds on one resource: every one granted on the kind or the
 * resource to the user or any of their groups. Admins hold all that apply to the kind.
 */
export function effectiveSpecifics(
  user: PermissionSubject,
  groups: Grants[],
  kind: ResourceKind,
  resourceId: string,
): SpecificPermission[] {
  if (!user.enabled) return [];
  if (user.admin) return [...specificsOf(kind)];
  const key = grantKey(kind, resourceId);
  const held = new Set(
    [user.grants, ...groups].flatMap((g) => [
      ...(g.specific?.all[kind] ?? []),
      ...(g.specific?.resources[key] ?? []),
    ]),
  );
  return specificsOf(kind).filter((s) => held.has(s));
}
