import type { ResourceKind } from '../kinds';
import type { SpecificPermission } from './specific-permission';

/** Komodo's PermissionLevel, in increasing order: each level includes the ones before it. */
export const PERMISSION_LEVELS = ['None', 'Read', 'Execute', 'Write'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export function isPermissionLevel(value: unknown): value is PermissionLevel {
  return typeof value === 'string' && (PERMISSION_LEVELS as readonly string[]).includes(value);
}

export const levelRank = (level: PermissionLevel) => PERMISSION_LEVELS.indexOf(level);

export function maxLevel(...levels: (PermissionLevel | undefined)[]): PermissionLevel {
  let best: PermissionLevel = 'None';
  for (const level of levels) if (level && levelRank(level) > levelRank(best)) best = level;
  return best;
}

export const atLeast = (level: PermissionLevel, needed: PermissionLevel) =>
  levelRank(level) >= levelRank(needed);

/** A grant on one resource, keyed `<Kind>/<id>`. */
export const grantKey = (kind: ResourceKind, id: string) => `${kind}/${id}`;

/** The specific permissions granted beside the levels, keyed as the levels are. */
export interface SpecificGrants {
  all: Partial<Record<ResourceKind, SpecificPermission[]>>;
  resources: Record<string, SpecificPermission[]>;
}

/** What a user or a group is given: per kind ("all") and per resource. */
export interface Grants {
  all: Partial<Record<ResourceKind, PermissionLevel>>;
  resources: Record<string, PermissionLevel>;
  specific?: SpecificGrants;
}

export const emptyGrants = (): Grants => ({
  all: {},
  resources: {},
  specific: { all: {}, resources: {} },
});
