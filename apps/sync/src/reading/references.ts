import {
  type DeclaredResource,
  type DeclaredUserGroup,
  type ResourceKind,
  type SyncProblemSeverity,
  isResourceKind,
  referencedResources,
} from '@monitor/domain';
import { isTable } from './is-table';

/** A name one declaration gives for another resource, at `field` (dotted, from the declaration). */
export interface Reference {
  kind: ResourceKind;
  target: string;
  field: string;
  /** Komodo refuses a resource naming one that is missing; a permission matching nothing is ignored. */
  severity: SyncProblemSeverity;
}

/** The config fields that name another resource, by kind (canonical names). */
const FIELD_REFERENCES: Partial<Record<ResourceKind, Record<string, ResourceKind>>> = {
  Deployment: { server_id: 'Server' },
  Stack: { server_id: 'Server', linked_repo: 'Repo' },
  Build: { builder_id: 'Builder', linked_repo: 'Repo' },
  Repo: { server_id: 'Server', builder_id: 'Builder' },
  ResourceSync: { linked_repo: 'Repo' },
};

function named(kind: ResourceKind, target: unknown, field: string): Reference[] {
  return typeof target === 'string' && target
    ? [{ kind, target, field: `config.${field}`, severity: 'error' }]
    : [];
}

function procedureReferences(config: Record<string, unknown>): Reference[] {
  const stages = Array.isArray(config.stages) ? config.stages : [];
  const complete = stages.map((stage: Record<string, unknown>) => ({
    name: typeof stage.name === 'string' ? stage.name : '',
    enabled: true,
    executions: Array.isArray(stage.executions) ? stage.executions : [],
  }));
  return referencedResources({ stages: complete }).map((r) => ({
    kind: r.kind,
    target: r.target,
    // stages[0].executions[1].execution.params.build[2] → stages.0.executions.1...build.2
    field: `config.${r.path.replace(/\[(\d+)\]/g, '.$1')}`,
    severity: 'error',
  }));
}

function alerterReferences(config: Record<string, unknown>): Reference[] {
  return (['resources', 'except_resources'] as const).flatMap((list) =>
    (Array.isArray(config[list]) ? (config[list] as unknown[]) : []).flatMap((t, i) =>
      isTable(t) && isResourceKind(t.type) ? named(t.type, t.id, `${list}.${i}.id`) : [],
    ),
  );
}

/** What a frozen declaration names (the file cache's: read again on every poll), worked out once. */
const referencesKept = new WeakMap<DeclaredResource, Reference[]>();

export function resourceReferences(resource: DeclaredResource): Reference[] {
  let found = referencesKept.get(resource);
  if (!found) {
    found = referencesOf(resource);
    if (Object.isFrozen(resource))
      referencesKept.set(resource, Object.freeze(found) as Reference[]);
  }
  return found;
}

function referencesOf({ kind, config }: DeclaredResource): Reference[] {
  const fields = Object.entries(FIELD_REFERENCES[kind] ?? {}).flatMap(([field, target]) =>
    named(target, config[field], field),
  );
  const image = config.image;
  if (kind === 'Deployment' && isTable(image) && image.type === 'Build' && isTable(image.params))
    fields.push(...named('Build', image.params.build_id, 'image.params.build_id'));
  const params = config.params;
  if (
    kind === 'Builder' &&
    config.type === 'Server' &&
    isTable(params) &&
    Array.isArray(params.server_ids)
  )
    params.server_ids.forEach((s, i) =>
      fields.push(...named('Server', s, `params.server_ids.${i}`)),
    );
  if (kind === 'Procedure') fields.push(...procedureReferences(config));
  if (kind === 'Alerter') fields.push(...alerterReferences(config));
  return fields;
}

/** A permission's id is a name, a wildcard (`foo-*`) or a regex (`\^foo$\`): only names are checked. */
const isPattern = (id: string) =>
  id.includes('*') || (id.length > 1 && id.startsWith('\\') && id.endsWith('\\'));

export function userGroupReferences(group: DeclaredUserGroup): Reference[] {
  return (group.permissions ?? []).flatMap(({ target }, i) =>
    isResourceKind(target.type) && target.id && !isPattern(target.id)
      ? [
          {
            kind: target.type,
            target: target.id,
            field: `permissions.${i}.target.id`,
            severity: 'warning' as const,
          },
        ]
      : [],
  );
}
