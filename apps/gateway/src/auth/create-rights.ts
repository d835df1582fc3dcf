import type { ResourceKind } from '@monitor/domain';
import type { Principal } from './principal';

/**
 * Who may create what, as in Komodo: admins anything; others need the user's
 * `create_server_permissions` for Servers and `create_build_permissions` for Builds, never
 * create Builders (an Aws builder launches machines in the core's AWS account, an Url builder
 * names an agent and its passkey), and may create the other kinds. Answers why the principal
 * may not create a `kind`, or undefined when it may.
 */
export function createRefusal(principal: Principal, kind: ResourceKind): string | undefined {
  if (principal.isAdmin) return undefined;
  if (kind === 'Builder')
    return 'only admins may create Builders (an Aws builder launches machines in the AWS account of Monitor); an admin can grant Write on one';
  const allowed =
    kind === 'Server'
      ? principal.user.createServers
      : kind === 'Build'
        ? principal.user.createBuilds
        : true;
  return allowed ? undefined : `you may not create ${kind}s; an admin can allow it`;
}
