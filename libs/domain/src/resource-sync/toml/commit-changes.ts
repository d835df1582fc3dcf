import type { DeclaredSet } from '../declared';
import type { SyncEntryKind } from './blocks';
import type { ExportNames } from './config-view';
import { renderResourceToml } from './render-resource';
import type { ExportSet } from './render-set';
import { renderUserGroupToml } from './render-user-group';
import { renderVariableToml } from './render-variable';
import type { SyncFileChange } from './rewrite';

const keyOf = (kind: SyncEntryKind, name: string) => `${kind}/${name}`;

/**
 * What CommitSync writes: every entry of the set (what the sync covers, as it is now) as an
 * update where the files declare it, keeping its deploy/after/template, or a create where they
 * do not; and a delete for each declaration the set no longer holds. Entries that did not
 * change come out as updates too: rewriting them leaves their text as it is.
 */
export function commitChanges(
  set: ExportSet,
  declared: DeclaredSet,
  names: ExportNames,
): SyncFileChange[] {
  const files = new Set([
    ...declared.resources.map((r) => keyOf(r.kind, r.name)),
    ...declared.variables.map((v) => keyOf('Variable', v.name)),
    ...declared.userGroups.map((g) => keyOf('UserGroup', g.name)),
  ]);
  const changes: SyncFileChange[] = [];
  const write = (kind: SyncEntryKind, name: string, toml: string) =>
    changes.push({ action: files.has(keyOf(kind, name)) ? 'update' : 'create', kind, name, toml });
  for (const resource of set.resources) {
    const meta = declared.resources.find(
      (d) => d.kind === resource.kind && d.name === resource.name,
    );
    write(resource.kind, resource.name, renderResourceToml(resource, names, meta ?? {}));
  }
  for (const variable of set.variables ?? [])
    write('Variable', variable.name, renderVariableToml(variable));
  for (const group of set.userGroups ?? [])
    write('UserGroup', group.name, renderUserGroupToml(group, names));
  const kept = new Set(changes.map((c) => keyOf(c.kind, c.name)));
  const gone = [
    ...declared.resources.map((r) => ({ kind: r.kind as SyncEntryKind, name: r.name })),
    ...declared.variables.map((v) => ({ kind: 'Variable' as const, name: v.name })),
    ...declared.userGroups.map((g) => ({ kind: 'UserGroup' as const, name: g.name })),
  ].filter((d) => !kept.has(keyOf(d.kind, d.name)));
  for (const { kind, name } of gone) changes.push({ action: 'delete', kind, name });
  return changes;
}
