import { beyondPolicy, describePowers, type HostPolicy, type HostPower } from './host-powers';

/** What a config asks of a server that whoever answers for it may not use there. */
export interface HostAccessProblem {
  /** The powers beyond the server's policy. */
  powers: HostPower[];
  /** Those powers in words: `field: detail; ...`. */
  described: string;
  /** What the policy lets everyone use, in words ('' when nothing). */
  policy: string;
}

/**
 * The one rule of host access, at write time (the writer) and at deploy time (the config's last
 * writer): what equals root on the host needs `Terminal` on its Server, beyond what the Server's
 * policy lets everyone use. Undefined when the config may run there.
 */
export function hostAccessProblem(
  powers: readonly HostPower[],
  policy: HostPolicy,
  holdsTerminal: boolean,
): HostAccessProblem | undefined {
  const beyond = beyondPolicy(powers, policy);
  if (!beyond.length || holdsTerminal) return undefined;
  return {
    powers: beyond,
    described: describePowers(beyond),
    policy: (policy.user_host_powers ?? []).join(', '),
  };
}
