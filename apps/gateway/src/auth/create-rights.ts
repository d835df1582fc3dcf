import type { ResourceKind } from '@monitor/domain';
import type { Principal } from './principal';

/**
 * Who may create what, as in Komodo: admins anything; others need the user's
 * `create_server_permissions` for Servers and `create_build_permissions` for Builds, and may
 * create the other kinds.
 */
export function canCreate(principal: Principal, kind: ResourceKind): boolean {
  if (principal.isAdmin) return true;
  if (kind === 'Server') return principal.user.createServers;
  if (kind === 'Build') return principal.user.createBuilds;
  return true;
}
