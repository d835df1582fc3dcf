import type { ResourceKind } from '../kinds';
import { invalid } from '../shared/domain-error';

/**
 * Komodo 2's specific permissions: rights beside the level, never implied by it (Write on a
 * Deployment does not let one read its logs), granted like levels and added up across grants.
 */
export const SPECIFIC_PERMISSIONS = ['Attach', 'Inspect', 'Logs', 'Processes', 'Terminal'] as const;
export type SpecificPermission = (typeof SPECIFIC_PERMISSIONS)[number];

/**
 * Which specifics mean something on which kind. `Attach`: other resources may point at it;
 * `Terminal` on a Server: what equals root on that host; on a Url or Aws Builder, whose machine
 * no Server stands for: the same on that machine (pre-build and repo commands); on a Deployment
 * or Stack: their containers' shells. The others read a host's or a container's internals.
 */
const SPECIFICS = {
  Server: ['Attach', 'Inspect', 'Logs', 'Processes', 'Terminal'],
  Deployment: ['Inspect', 'Logs', 'Terminal'],
  Stack: ['Inspect', 'Logs', 'Terminal'],
  Builder: ['Attach', 'Terminal'],
  Build: ['Attach'],
  Repo: ['Attach'],
} as const satisfies Partial<Record<ResourceKind, readonly SpecificPermission[]>>;

/**
 * The table as an exact type: the web bundle, which takes only types from the libs, declares its
 * table with it, so the compiler refuses any table but this one.
 */
export type SpecificsOfKind = typeof SPECIFICS;

export const SPECIFICS_OF_KIND: Partial<Record<ResourceKind, readonly SpecificPermission[]>> =
  SPECIFICS;

/** What the creator of a resource gets beside Write, as in Komodo. */
export const CREATOR_SPECIFICS: Partial<Record<ResourceKind, readonly SpecificPermission[]>> = {
  Server: ['Attach', 'Inspect', 'Logs', 'Processes', 'Terminal'],
  Deployment: ['Inspect', 'Logs', 'Terminal'],
  Stack: ['Inspect', 'Logs', 'Terminal'],
  Builder: ['Attach', 'Terminal'],
};

/** Kinds that also hold the specifics their user has on the Server they run on (Komodo's). */
export const INHERITS_SERVER_SPECIFICS: readonly ResourceKind[] = ['Deployment', 'Stack'];

export const specificsOf = (kind: ResourceKind): readonly SpecificPermission[] =>
  SPECIFICS_OF_KIND[kind] ?? [];

/** The specifics of a grant, each once and in the catalogue's order; others are refused. */
export function checkSpecifics(kind: ResourceKind, given: readonly string[]): SpecificPermission[] {
  const allowed = specificsOf(kind);
  for (const value of given) {
    if (!(allowed as readonly string[]).includes(value)) {
      const which = allowed.length ? `one of ${allowed.join(', ')}` : 'none';
      throw invalid(
        `permission.specific: '${value}' is not a specific permission of a ${kind} (${which})`,
        { field: 'permission.specific' },
      );
    }
  }
  return allowed.filter((s) => given.includes(s));
}

export const sameSpecifics = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((s) => b.includes(s));

/**
 * The specifics of a grant recorded before specifics existed, when no read was refused for
 * lack of one: such a grant keeps the reads it allowed then (Inspect, Logs, Processes), and
 * gains none of the rights that were the holes (Attach, Terminal).
 */
export function legacySpecifics(kind: ResourceKind, level: string): SpecificPermission[] {
  if (level === 'None') return [];
  return specificsOf(kind).filter((s) => s !== 'Attach' && s !== 'Terminal');
}
