import type { ResourceKind } from '../../kinds';
import { type OrderNode, orderNodes } from './kahn-order';
import { referencesOf } from './references';
import type { PlanStep, ResourceChange, UserGroupChange, VariableChange } from './types';

/** Komodo's order of applying kinds (api/execute/sync.rs), for changes that do not depend on each other. */
export const KIND_ORDER = [
  'Server',
  'ServerTemplate',
  'Alerter',
  'Action',
  'Builder',
  'Repo',
  'Build',
  'Stack',
  'ResourceSync',
  'Deployment',
  'Procedure',
] as const satisfies readonly ResourceKind[];

/**
 * The order as an exact type: the web bundle, which takes only types from the libs, declares its
 * table with it, so the compiler refuses any table but this one.
 */
export type KindOrder = typeof KIND_ORDER;

export const resourceKey = (kind: ResourceKind, name: string) => `${kind}:${name}`;

type Side = 'current' | 'proposed';

/** What each side of a change names, by key; worked out once per change and side. */
function namesOf() {
  const known = new Map<ResourceChange, Partial<Record<Side, Set<string>>>>();
  return (change: ResourceChange, side: Side): Set<string> => {
    const sides = known.get(change) ?? {};
    known.set(change, sides);
    const view = change[side];
    sides[side] ??= new Set(
      view ? referencesOf(view.kind, view.config).map((r) => resourceKey(r.kind, r.target)) : [],
    );
    return sides[side];
  };
}

const node = (key: string, rank: number): OrderNode => ({
  key,
  rank,
  requires: new Set(),
  follows: new Set(),
});

/**
 * The order to apply: variables first (configs interpolate them), then creates and updates of
 * resources after what they reference (a step referencing a resource the plan creates requires
 * it), then user groups (their permissions name resources), then deletes in reverse: a resource
 * after whatever still names it is deleted or moved off it.
 */
export function applyOrder(
  resources: ResourceChange[],
  variables: VariableChange[],
  userGroups: UserGroupChange[],
): PlanStep[] {
  const byKey = new Map(resources.map((c) => [c.key, c]));
  const names = namesOf();
  const rank = (kind: ResourceKind) => KIND_ORDER.indexOf(kind);
  const writes = resources.filter((c) => c.action !== 'Delete');
  const deletes = resources.filter((c) => c.action === 'Delete');

  const writeNodes = writes.map((change) => {
    const n = node(change.key, rank(change.kind));
    for (const key of names(change, 'proposed')) {
      const target = byKey.get(key);
      if (!target || key === change.key || target.action === 'Delete') continue;
      (target.action === 'Create' ? n.requires : n.follows).add(key);
    }
    return n;
  });

  const groupNodes = userGroups
    .filter((g) => g.action !== 'Delete')
    .map((group) => {
      const n = node(group.key, 0);
      for (const p of group.proposed?.permissions ?? []) {
        const key = resourceKey(p.target.type, p.target.name);
        if (byKey.get(key)?.action === 'Create') n.requires.add(key);
      }
      return n;
    });

  const deleteNodes = deletes.map((change) => {
    const n = node(change.key, -rank(change.kind));
    for (const other of resources) {
      if (other.key === change.key || !names(other, 'current').has(change.key)) continue;
      if (other.action === 'Delete') n.requires.add(other.key);
      if (other.action === 'Update' && !names(other, 'proposed').has(change.key)) {
        n.requires.add(other.key);
      }
    }
    return n;
  });

  const variableNodes = (action: 'writes' | 'deletes') =>
    variables
      .filter((v) => (v.action === 'Delete') === (action === 'deletes'))
      .map((v) => node(v.key, 0));
  const groupDeletes = userGroups.filter((g) => g.action === 'Delete').map((g) => node(g.key, 0));

  const ordered = [
    ...orderNodes(variableNodes('writes')),
    ...orderNodes(writeNodes),
    ...orderNodes(groupNodes),
    ...orderNodes(deleteNodes),
    ...orderNodes(groupDeletes),
    ...orderNodes(variableNodes('deletes')),
  ];
  const actions = new Map<string, PlanStep['action']>([
    ...resources.map((c) => [c.key, c.action] as const),
    ...variables.map((c) => [c.key, c.action] as const),
    ...userGroups.map((c) => [c.key, c.action] as const),
  ]);
  const dependents = new Map<string, string[]>();
  for (const other of ordered) {
    for (const key of other.requires) {
      const list = dependents.get(key);
      if (list) list.push(other.key);
      else dependents.set(key, [other.key]);
    }
  }
  return ordered.map((n) => ({
    key: n.key,
    action: actions.get(n.key) ?? 'Update',
    dependsOn: [...n.requires].sort(),
    dependents: (dependents.get(n.key) ?? []).sort(),
  }));
}

/** Every step a failed one skips: its dependents, theirs, and so on. */
export function dependentsOf(steps: PlanStep[], key: string): string[] {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const found = new Set<string>();
  const visit = (k: string) => {
    for (const d of byKey.get(k)?.dependents ?? []) {
      if (!found.has(d)) {
        found.add(d);
        visit(d);
      }
    }
  };
  visit(key);
  return steps.map((s) => s.key).filter((k) => found.has(k));
}
