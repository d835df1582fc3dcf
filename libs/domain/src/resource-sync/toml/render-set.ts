import type { UserGroup } from '../../identity/user-group';
import type { Resource } from '../../resources/lifecycle/state';
import type { Variable } from '../../variables/variable';
import type { DeclaredSet } from '../declared';
import type { ExportNames } from './config-view';
import { EXPORT_KIND_ORDER, renderResourceToml, type ResourceTomlMeta } from './render-resource';
import { renderUserGroupToml } from './render-user-group';
import { renderVariableToml } from './render-variable';

export interface ExportSet {
  resources: Resource[];
  variables?: Variable[];
  userGroups?: UserGroup[];
}

/** Komodo's separator between two entries of an export. */
export const ENTRY_SEPARATOR = '\n\n##\n\n';

const byName = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * A sync whose files live in its own config cannot be declared by another (Komodo leaves such
 * syncs out of an export); one with no source at all has nothing to declare either.
 */
function exportable(resource: Resource): boolean {
  if (resource.kind !== 'ResourceSync') return true;
  const config = resource.config as Resource<'ResourceSync'>['config'];
  return (
    config.file_contents === '' &&
    (config.files_on_host || config.repo !== '' || config.linked_repo !== '')
  );
}

/** What the files already say of a resource (deploy, after, template): an export keeps it. */
function metaFrom(existing: DeclaredSet | undefined, resource: Resource): ResourceTomlMeta {
  const declared = existing?.resources.find(
    (d) => d.kind === resource.kind && d.name === resource.name,
  );
  if (!declared) return {};
  return { template: declared.template, deploy: declared.deploy, after: declared.after };
}

/**
 * Resources, variables and user groups as one TOML text in Komodo's layout: kinds in Komodo's
 * order, each kind's resources by name, then variables and user groups by name, entries apart
 * by `##`. `existing`: the sync's declarations, whose deploy/after/template are kept.
 */
export function renderResourcesToml(
  set: ExportSet,
  names: ExportNames,
  existing?: DeclaredSet,
): string {
  const entries: string[] = [];
  for (const kind of EXPORT_KIND_ORDER) {
    const ofKind = set.resources.filter((r) => r.kind === kind && exportable(r)).sort(byName);
    for (const resource of ofKind)
      entries.push(renderResourceToml(resource, names, metaFrom(existing, resource)));
  }
  for (const variable of [...(set.variables ?? [])].sort(byName))
    entries.push(renderVariableToml(variable));
  for (const group of [...(set.userGroups ?? [])].sort(byName))
    entries.push(renderUserGroupToml(group, names));
  return entries.join(ENTRY_SEPARATOR);
}
