import type { ResourceKind, UserAnswer } from '@monitor/contracts';

/**
 * Servers need `create_servers`, Builds `create_builds`; Builders are for admins only (an Aws one
 * launches machines in the core's account); any user may create the rest.
 */
export function mayCreate(user: UserAnswer, kind: ResourceKind): boolean {
  if (user.admin) return true;
  if (kind === 'Builder') return false;
  if (kind === 'Server') return user.create_server_permissions;
  if (kind === 'Build') return user.create_build_permissions;
  return true;
}
