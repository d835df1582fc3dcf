import { isResourceKind, type ResourceKind } from '../../kinds';
import type { PermissionLevel } from '../../identity/permission-level';
import type { UserGroup } from '../../identity/user-group';
import { RESOURCE_TARGET_TYPES } from '../../resources/configs/common';
import type { ExportNames } from './config-view';
import { formatBasicString, formatTable } from './format';

/** Komodo's ResourceTarget order (its enum's), then Monitor's own kinds. */
const kindRank = (kind: string) => {
  const rank = (RESOURCE_TARGET_TYPES as readonly string[]).indexOf(kind);
  return rank < 0 ? RESOURCE_TARGET_TYPES.length : rank;
};

const byKind = (a: string, b: string) => kindRank(a) - kindRank(b) || (a < b ? -1 : a > b ? 1 : 0);

interface PermissionToml {
  target: { type: string; id: string };
  level: PermissionLevel;
  specific?: string[];
}

function permissions(group: UserGroup, names: ExportNames): PermissionToml[] {
  const specific = group.grants.specific?.resources ?? {};
  const keys = new Set([...Object.keys(group.grants.resources), ...Object.keys(specific)]);
  const out: PermissionToml[] = [];
  for (const key of keys) {
    const slash = key.indexOf('/');
    const [type, id] = [key.slice(0, slash), key.slice(slash + 1)];
    const level = group.grants.resources[key] ?? 'None';
    const specifics = specific[key] ?? [];
    if (level === 'None' && specifics.length === 0) continue;
    const name = isResourceKind(type) ? (names.resource(type, id) ?? '') : id;
    out.push({
      target: { type, id: name },
      level,
      specific: specifics.length ? [...specifics] : undefined,
    });
  }
  return out.sort(
    (a, b) => byKind(a.target.type, b.target.type) || (a.target.id < b.target.id ? -1 : 1),
  );
}

function allLines(group: UserGroup): string[] {
  const specific = group.grants.specific?.all ?? {};
  const kinds = new Set([...Object.keys(group.grants.all), ...Object.keys(specific)]);
  return [...kinds].sort(byKind).flatMap((kind) => {
    const level = group.grants.all[kind as ResourceKind] ?? 'None';
    const specifics = specific[kind as ResourceKind] ?? [];
    if (level === 'None' && specifics.length === 0) return [];
    if (specifics.length === 0) return [`all.${kind} = "${level}"`];
    const list = specifics.map(formatBasicString).join(', ');
    return [`all.${kind} = { level = "${level}", specific = [${list}] }`];
  });
}

/**
 * `[[user_group]]` as Komodo writes it: name, everyone, users by name (sorted; none when
 * everyone), `all.<Kind>` per kind, then `permissions` by kind and name.
 */
export function renderUserGroupToml(group: UserGroup, names: ExportNames): string {
  const users = group.everyone
    ? []
    : group.users
        .map((id) => names.user(id))
        .filter((n): n is string => !!n)
        .sort();
  const lines = [
    formatTable(
      {
        name: group.name,
        everyone: group.everyone || undefined,
        users: users.length ? users : undefined,
      },
      { skipEmptyObject: true },
    ),
    ...allLines(group),
  ];
  const perms = permissions(group, names);
  if (perms.length) lines.push(formatTable({ permissions: perms }, { skipEmptyObject: true }));
  return `[[user_group]]\n${lines.join('\n')}`;
}
