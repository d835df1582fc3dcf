import { isResourceKind, type ResourceKind } from '../../kinds';
import type { UserGroup } from '../../identity/user-group';
import type { DeclaredUserGroup } from '../declared';
import { fieldDiffs } from './field-diff';
import { referenceName } from './lookup';
import type { PermissionView, PlanInput, UserGroupChange, UserGroupView } from './types';
import { deletesUndeclared } from './scope';

export const userGroupKey = (name: string) => `UserGroup:${name}`;

type Grant = { level: string; specific: string[] };

const grant = (level: string | undefined, specific: readonly string[] = []): Grant => ({
  level: level ?? 'None',
  specific: [...new Set(specific)].sort(),
});

/** Komodo keeps a kind-wide grant with a level or specifics, a resource one with a level. */
const keptAll = (g: Grant) => g.level !== 'None' || g.specific.length > 0;

function sortedPermissions(permissions: Map<string, PermissionView>): PermissionView[] {
  return [...permissions.values()]
    .filter((p) => p.level !== 'None')
    .sort(
      (a, b) =>
        a.target.type.localeCompare(b.target.type) || a.target.name.localeCompare(b.target.name),
    );
}

/** A stored group as compared: users by username, grants by resource name. */
export function storedGroupView(group: UserGroup, input: PlanInput): UserGroupView {
  const { lookup } = input;
  const all: UserGroupView['all'] = {};
  const specific = group.grants.specific ?? { all: {}, resources: {} };
  const kinds = new Set([...Object.keys(group.grants.all), ...Object.keys(specific.all)]);
  for (const kind of [...kinds].filter(isResourceKind).sort()) {
    const g = grant(group.grants.all[kind], specific.all[kind]);
    if (keptAll(g)) all[kind] = g;
  }
  const permissions = new Map<string, PermissionView>();
  const keys = new Set([
    ...Object.keys(group.grants.resources),
    ...Object.keys(specific.resources),
  ]);
  for (const key of keys) {
    const [kind, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    if (!isResourceKind(kind)) continue;
    const name = referenceName(lookup, kind, id);
    const g = grant(group.grants.resources[key], specific.resources[key]);
    permissions.set(`${kind}/${name}`, { target: { type: kind, name }, ...g });
  }
  return {
    name: group.name,
    everyone: group.everyone,
    users: group.everyone ? [] : group.users.map((u) => lookup.userName(u) ?? u).sort(),
    all,
    permissions: sortedPermissions(permissions),
  };
}

/** The names a permission's target stands for: a pattern expands over what exists or is declared. */
function targetNames(input: PlanInput, kind: ResourceKind, target: string): string[] {
  const name = referenceName(input.lookup, kind, target);
  if (!input.matches) return [name];
  const known = new Set([
    ...input.resources.filter((r) => r.kind === kind).map((r) => r.name),
    ...input.declared.resources.filter((r) => r.kind === kind).map((r) => r.name),
  ]);
  return [...known].filter((n) => input.matches?.(name, n)).sort();
}

export function declaredGroupView(declared: DeclaredUserGroup, input: PlanInput): UserGroupView {
  const everyone = declared.everyone ?? false;
  const all: UserGroupView['all'] = {};
  for (const [kind, value] of Object.entries(declared.all ?? {})) {
    if (!isResourceKind(kind)) continue;
    const given = (typeof value === 'string' ? { level: value } : value) as Partial<Grant>;
    const g = grant(given?.level, given?.specific ?? []);
    if (keptAll(g)) all[kind] = g;
  }
  const sortedAll = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  const permissions = new Map<string, PermissionView>();
  for (const p of declared.permissions ?? []) {
    if (!isResourceKind(p.target.type)) continue;
    const kind = p.target.type;
    for (const name of targetNames(input, kind, p.target.id)) {
      permissions.set(`${kind}/${name}`, {
        target: { type: kind, name },
        ...grant(p.level, p.specific),
      });
    }
  }
  const users = (declared.users ?? []).map((u) => input.lookup.userName(u) ?? u);
  return {
    name: declared.name,
    everyone,
    users: everyone ? [] : [...new Set(users)].sort(),
    all: sortedAll,
    permissions: sortedPermissions(permissions),
  };
}

const compared = ({ name: _name, ...rest }: UserGroupView) => rest;

/** Declared user groups beside the stored ones, with `include_user_groups`; deletes with `delete`. */
export function userGroupChanges(input: PlanInput): { changes: UserGroupChange[]; scope: number } {
  const { config } = input.sync;
  if (!config.include_user_groups) return { changes: [], scope: 0 };
  const byName = new Map(input.userGroups.map((g) => [g.name, g]));
  const changes: UserGroupChange[] = [];
  const blank: UserGroupView = { name: '', everyone: false, users: [], all: {}, permissions: [] };
  for (const declared of input.declared.userGroups) {
    const proposed = declaredGroupView(declared, input);
    const found = byName.get(declared.name);
    const key = userGroupKey(declared.name);
    const current = found ? storedGroupView(found, input) : undefined;
    const before = compared(current ?? blank);
    const after = compared(proposed);
    const diffs = fieldDiffs(before, after, { current: before, proposed: after });
    const fields = current ? diffs : diffs.map((f) => ({ ...f, current: null }));
    if (current && !fields.length) continue;
    const action = current ? 'Update' : 'Create';
    changes.push({ key, name: declared.name, action, id: found?.id, fields, current, proposed });
  }
  if (deletesUndeclared(config)) {
    const declared = new Set(input.declared.userGroups.map((g) => g.name));
    for (const group of input.userGroups) {
      if (declared.has(group.name)) continue;
      const current = storedGroupView(group, input);
      const fields = fieldDiffs(compared(current), compared(blank), {
        current: compared(current),
        proposed: {},
      });
      const key = userGroupKey(group.name);
      changes.push({ key, name: group.name, action: 'Delete', id: group.id, fields, current });
    }
  }
  return { changes, scope: input.userGroups.length };
}
