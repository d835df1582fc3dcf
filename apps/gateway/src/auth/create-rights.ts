import type { ResourceKind } from '@monitor/domain';
import type { Principal } from './principal';

/** Kinds only admins create, as in Komodo, and why: an admin can grant Write on one. */
const ADMINS_CREATE: Partial<Record<ResourceKind, string>> = {
  Builder: 'an Aws builder launches machines in the AWS account of Monitor',
  Alerter: 'an alerter sends from Monitor to whatever address its endpoint names',
  ResourceSync: 'a sync writes resources of every kind',
  Action: "an action runs code on the core with its author's API access",
};

/**
 * Who may create what, as in Komodo: admins anything; others need the user's
 * `create_server_permissions` for Servers and `create_build_permissions` for Builds, never
 * create Builders, Alerters, ResourceSyncs or Actions, and may create the other kinds. Answers why the
 * principal may not create a `kind`, or undefined when it may.
 */
export function createRefusal(principal: Principal, kind: ResourceKind): string | undefined {
  if (principal.isAdmin) return undefined;
  const why = ADMINS_CREATE[kind];
  if (why) return `only admins may create ${kind}s (${why}); an admin can grant Write on one`;
  const allowed =
    kind === 'Server'
      ? principal.user.createServers
      : kind === 'Build'
        ? principal.user.createBuilds
        : true;
  return allowed ? undefined : `you may not create ${kind}s; an admin can allow it`;
}
