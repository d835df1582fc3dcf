import { isWithin } from './host-paths';

/**
 * What in a config equals root on the host it runs on: a user who may set these may take the
 * machine. Using one needs `Terminal` on the Server, unless the Server's policy lets users
 * without it use that power (and bind those paths).
 */
export const HOST_POWERS = [
  'bind_mount',
  'docker_socket',
  'privileged',
  'capabilities',
  'devices',
  'host_namespaces',
  'security_options',
  'host_commands',
  'host_files',
  'unchecked_compose',
] as const;
export type HostPowerKind = (typeof HOST_POWERS)[number];

export interface HostPower {
  power: HostPowerKind;
  /** The config field that asks for it (`volumes`, `extra_args`, `file_contents`, ...). */
  field: string;
  /** What exactly, in words a user recognises (`binds /etc`, `service web: privileged`). */
  detail: string;
  /** For bind mounts: the normalized host path, matched against the policy's folders. */
  path?: string;
}

/** A Server's `user_host_powers` and `user_bind_paths` (Monitor's, beyond Komodo's fields). */
export interface HostPolicy {
  user_host_powers?: readonly string[];
  user_bind_paths?: readonly string[];
}

/** The powers a user without `Terminal` may not use on a server with this policy. */
export function beyondPolicy(powers: readonly HostPower[], policy: HostPolicy): HostPower[] {
  const allowed = policy.user_host_powers ?? [];
  const folders = policy.user_bind_paths ?? [];
  return powers.filter((p) => {
    if (allowed.includes(p.power)) return false;
    if (p.power === 'bind_mount' && p.path !== undefined)
      return !folders.some((folder) => isWithin(p.path!, folder));
    return true;
  });
}

export const describePowers = (powers: readonly HostPower[]) =>
  powers.map((p) => `${p.field}: ${p.detail}`).join('; ');
