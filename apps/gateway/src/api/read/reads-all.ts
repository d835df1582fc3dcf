import type { ResourceKind } from '@monitor/domain';
import type { Principal } from '../../auth/principal';

/**
 * Whether the principal may read every resource of the kind, whatever its own grants and base
 * permission: an admin, or Read on the whole kind (a grant on `all`, theirs or a group's). A
 * resource's level is at least that of the kind, so asking for a resource no grant names says.
 */
export function readsAll(principal: Principal, kind: ResourceKind): boolean {
  return principal.isAdmin || principal.can({ kind, id: '', basePermission: 'None' }, 'Read');
}
