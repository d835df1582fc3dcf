import {
  renderResourceToml,
  renderUserGroupToml,
  renderVariableToml,
  type DeclaredSet,
  type ExportNames,
  type Resource,
  type ResourceSyncConfig,
  type SyncFileChange,
  type SyncPlan,
  type UserGroup,
  type Variable,
} from '@monitor/domain';
import type { CallerAccess } from './caller-access';

/** What CommitSync reads to decide its changes: all of it from the read model but the files. */
export interface CommitInput {
  sync: Resource<'ResourceSync'>;
  declared: DeclaredSet;
  /** The sync's plan: the declared entries that differ from what exists. */
  plan: Pick<SyncPlan, 'resources' | 'variables' | 'userGroups'>;
  resources: Resource[];
  variables: Variable[];
  userGroups: UserGroup[];
  names: ExportNames;
  /** What the caller may read (CallerAccess). */
  access: Pick<CallerAccess, 'can' | 'groups'>;
}

export interface CommitChanges {
  changes: SyncFileChange[];
  /** Entries left as the files say, and why (the caller may not read them). */
  kept: string[];
}

const key = (kind: string, name: string) => `${kind}:${name}`;

/** As RefreshResourceSyncPending's scope: not the sync itself, no UI-defined or sourceless sync. */
function syncable(sync: Resource<'ResourceSync'>, resource: Resource): boolean {
  if (resource.kind !== 'ResourceSync') return true;
  const config = resource.config as ResourceSyncConfig;
  if (resource.id === sync.id || config.file_contents) return false;
  return Boolean(config.files_on_host || config.repo || config.linked_repo);
}

function carriesTags(resource: Resource, names: ExportNames, matchTags: string[]): boolean {
  const own = resource.tags.flatMap((id) => [id, names.tag(id) ?? id]);
  return matchTags.every((tag) => own.includes(tag));
}

/**
 * Komodo's CommitSync, entry by entry rather than file by file: what exists in the sync's scope
 * (every resource carrying its match_tags, variables and user groups as it includes them) and
 * what its files declare meet. An entry the plan would change is written as it exists now; one
 * that exists and is not declared is added; one declared that no longer exists is removed. An
 * entry the caller may not read is left as written, and said so. Afterwards the plan is empty.
 */
export function commitChanges(input: CommitInput): CommitChanges {
  const { sync, declared, plan, names, access } = input;
  const config = sync.config;
  const changes: SyncFileChange[] = [];
  const kept: string[] = [];
  const changed = new Set(
    [...plan.resources, ...plan.variables, ...plan.userGroups]
      .filter((c) => c.action === 'Update')
      .map((c) => c.key),
  );
  // Declared, but nothing of that name exists (the plan would create it): out of the files.
  const creates = <C extends { action: string }>(list: C[]) =>
    list.filter((c) => c.action === 'Create');
  for (const { kind, name } of creates(plan.resources))
    changes.push({ action: 'delete', kind, name });
  for (const { name } of creates(plan.variables))
    changes.push({ action: 'delete', kind: 'Variable', name });
  for (const { name } of creates(plan.userGroups))
    changes.push({ action: 'delete', kind: 'UserGroup', name });

  if (config.include_resources) {
    const declaredAt = new Map(declared.resources.map((d) => [key(d.kind, d.name), d]));
    for (const resource of input.resources) {
      if (!syncable(sync, resource) || !carriesTags(resource, names, config.match_tags)) continue;
      const at = declaredAt.get(key(resource.kind, resource.name));
      if (at && !changed.has(key(resource.kind, resource.name))) continue;
      if (!access.can(resource, 'Read')) {
        kept.push(`${resource.kind} '${resource.name}': no Read permission, left as written`);
        continue;
      }
      const meta = at ? { template: at.template, deploy: at.deploy, after: at.after } : {};
      const toml = renderResourceToml(resource, names, meta);
      changes.push({
        action: at ? 'update' : 'create',
        kind: resource.kind,
        name: resource.name,
        toml,
      });
    }
  }
  if (config.include_variables) {
    const declaredNames = new Set(declared.variables.map((v) => v.name));
    for (const variable of input.variables) {
      const at = declaredNames.has(variable.name);
      if (at && !changed.has(key('Variable', variable.name))) continue;
      const toml = renderVariableToml(variable);
      changes.push({
        action: at ? 'update' : 'create',
        kind: 'Variable',
        name: variable.name,
        toml,
      });
    }
  }
  if (config.include_user_groups) {
    const declaredNames = new Set(declared.userGroups.map((g) => g.name));
    const visible = new Set(access.groups().map((g) => g.id));
    for (const group of input.userGroups) {
      const at = declaredNames.has(group.name);
      if (at && !changed.has(key('UserGroup', group.name))) continue;
      if (!visible.has(group.id)) {
        if (at)
          kept.push(`UserGroup '${group.name}': not one of the caller's groups, left as written`);
        continue;
      }
      const toml = renderUserGroupToml(group, names);
      changes.push({ action: at ? 'update' : 'create', kind: 'UserGroup', name: group.name, toml });
    }
  }
  return { changes, kept };
}
