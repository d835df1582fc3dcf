import type { ResourceKind } from '../../kinds';
import type { Resource } from '../../resources/lifecycle/state';
import { configView, type ExportNames } from './config-view';
import { formatTable } from './format';

/** Komodo's table names, in the order its export writes the kinds (ServerTemplate: Komodo 1's place). */
export const KIND_TABLES: Readonly<Record<ResourceKind, string>> = {
  Server: 'server',
  Stack: 'stack',
  Deployment: 'deployment',
  Build: 'build',
  Repo: 'repo',
  Procedure: 'procedure',
  Action: 'action',
  Alerter: 'alerter',
  Builder: 'builder',
  ServerTemplate: 'server_template',
  ResourceSync: 'resource_sync',
};

export const EXPORT_KIND_ORDER = Object.keys(KIND_TABLES) as ResourceKind[];

/** What the files say beside the resource itself: kept from the file when writing back. */
export interface ResourceTomlMeta {
  template?: boolean;
  deploy?: boolean;
  after?: string[];
}

/** Komodo's `ResourceToml` fields in its order; false, empty and '' left out. */
function head(resource: Resource, names: ExportNames, meta: ResourceTomlMeta) {
  const tags = resource.tags.map((id) => names.tag(id)).filter((n): n is string => !!n);
  return {
    name: resource.name,
    description: resource.description || undefined,
    template: meta.template || undefined,
    tags: tags.length ? tags : undefined,
    deploy: meta.deploy || undefined,
    after: meta.after?.length ? meta.after : undefined,
  };
}

const OPTIONS = { skipEmptyObject: true };

/**
 * One resource as Komodo's export writes it: `[[<kind>]]`, its name and meta, then
 * `[<kind>.config]`; a Procedure's config goes in dotted keys and each stage in its own
 * `[[procedure.config.stage]]`; a `{ type, params }` config left with no params says
 * `params = {}` (Komodo needs it to read the type back). No trailing newline, as Komodo.
 */
export function renderResourceToml(
  resource: Resource,
  names: ExportNames,
  meta: ResourceTomlMeta = {},
): string {
  const table = KIND_TABLES[resource.kind];
  const config = configView(resource.kind, resource.config, names);
  let toml = `[[${table}]]\n`;
  if (resource.kind === 'Procedure') {
    const { stages, ...rest } = config;
    const main = { ...head(resource, names, meta), config: rest };
    toml += formatTable(main, OPTIONS);
    for (const stage of Array.isArray(stages) ? stages : []) {
      toml += `\n\n[[${table}.config.stage]]\n`;
      toml += formatTable(stage as Record<string, unknown>, { skipEmptyObject: false });
    }
    return toml;
  }
  toml += formatTable(head(resource, names, meta), OPTIONS);
  toml += `\n[${table}.config]\n`;
  toml += formatTable(config, OPTIONS);
  const params = config.params;
  const variant = resource.kind === 'Builder' || resource.kind === 'ServerTemplate';
  if (variant && (typeof params !== 'object' || !params || Object.keys(params).length === 0))
    toml += '\nparams = {}';
  return toml;
}
