import type { ResourceKind } from '@monitor/domain';

/**
 * The top-level tables of a sync file: Komodo's ResourcesToml, whose fields are plural with the
 * singular as alias (`[[deployment]]` is what Komodo writes; `[[deployments]]` reads the same).
 */
export const KIND_TABLES: Readonly<Record<string, ResourceKind>> = {
  server: 'Server',
  deployment: 'Deployment',
  stack: 'Stack',
  build: 'Build',
  repo: 'Repo',
  procedure: 'Procedure',
  action: 'Action',
  alerter: 'Alerter',
  builder: 'Builder',
  resource_sync: 'ResourceSync',
  // Komodo 1.x: Monitor keeps the kind.
  server_template: 'ServerTemplate',
};

export const VARIABLE_TABLE = 'variable';
export const USER_GROUP_TABLE = 'user_group';

/** Kinds Komodo has and Monitor lacks: read by Komodo, ignored here with a warning. */
export const LACKING_TABLES: Readonly<Record<string, string>> = { swarm: 'Swarm' };

export type TableRole =
  | { role: 'resource'; kind: ResourceKind }
  | { role: 'variable' }
  | { role: 'user_group' }
  | { role: 'lacking'; kind: string };

/** What a top-level key declares, by its singular name; undefined for a key Komodo ignores. */
export function tableRole(singular: string): TableRole | undefined {
  if (Object.hasOwn(KIND_TABLES, singular))
    return { role: 'resource', kind: KIND_TABLES[singular] };
  if (singular === VARIABLE_TABLE) return { role: 'variable' };
  if (singular === USER_GROUP_TABLE) return { role: 'user_group' };
  if (Object.hasOwn(LACKING_TABLES, singular))
    return { role: 'lacking', kind: LACKING_TABLES[singular] };
  return undefined;
}

/** `deployments` → `deployment`; a singular name answers itself. */
export function singularOf(key: string): string {
  return key.endsWith('s') && tableRole(key.slice(0, -1)) ? key.slice(0, -1) : key;
}

/** Every table name a file may use, for did-you-mean. */
export const ALL_TABLES: readonly string[] = [
  ...Object.keys(KIND_TABLES),
  VARIABLE_TABLE,
  USER_GROUP_TABLE,
  ...Object.keys(LACKING_TABLES),
].flatMap((t) => [t, `${t}s`]);

/** Each kind's first table in KIND_TABLES. */
const TABLE_OF_KIND = new Map<ResourceKind, string>();
for (const [table, kind] of Object.entries(KIND_TABLES))
  if (!TABLE_OF_KIND.has(kind)) TABLE_OF_KIND.set(kind, table);

/** The singular table of a kind, for a problem's field (`deployment[web].config.image`). */
export function tableOfKind(kind: ResourceKind): string {
  return TABLE_OF_KIND.get(kind) ?? kind;
}
