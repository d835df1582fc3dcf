import { VARIABLE_REFERENCE } from './interpolate';
import type { Variable } from './variable';

/** Who wants to use a variable: a user as the identity model knows them, and their groups. */
export interface VariableUserSubject {
  id: string;
  admin: boolean;
  enabled: boolean;
  /** Ids of the groups the user is in (those with `everyone` too). */
  groups: readonly string[];
}

/**
 * A user as a variable's grants name them: who they are, and the ids of their groups. Built here
 * once for the gateway (the writer of a config, at write time) and the services (a config's last
 * writer, when an execution interpolates it).
 */
export function variableUserSubject(
  user: Omit<VariableUserSubject, 'groups'>,
  groups: readonly { id: string }[],
): VariableUserSubject {
  return {
    id: user.id,
    admin: user.admin,
    enabled: user.enabled,
    groups: groups.map((g) => g.id),
  };
}

/**
 * Whether a config written by this user may use the variable: any variable that is not
 * secret; a secret one for admins, and for the users and groups it was granted to. Masking
 * hides a secret in what Monitor shows, but a user who may put `[[SECRET]]` into a command can
 * print it in a form no mask knows: so the use itself is the permission.
 */
export function mayUseVariable(user: VariableUserSubject, variable: Variable): boolean {
  if (!variable.isSecret) return true;
  if (!user.enabled) return false;
  if (user.admin) return true;
  return (
    (variable.users ?? []).includes(user.id) ||
    (variable.groups ?? []).some((group) => user.groups.includes(group))
  );
}

/** The `[[NAME]]` references in every string of a config, each with the field it is in. */
export function variableReferences(
  config: unknown,
  field = 'config',
): { name: string; field: string }[] {
  if (typeof config === 'string') {
    return [...config.matchAll(VARIABLE_REFERENCE)].map((match) => ({ name: match[1], field }));
  }
  if (Array.isArray(config))
    return config.flatMap((item, i) => variableReferences(item, `${field}[${i}]`));
  if (typeof config === 'object' && config !== null) {
    return Object.entries(config).flatMap(([key, value]) =>
      variableReferences(value, `${field}.${key}`),
    );
  }
  return [];
}
