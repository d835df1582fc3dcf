import type { ResourceKind } from './api/types';

/** What the UI needs to know of a kind: where it lives, and how its requests are named. */
export interface KindSpec {
  kind: ResourceKind;
  /** The URL segment of its pages: `/deployments`, `/deployments/<id>`. */
  slug: string;
  plural: string;
  /** The param naming one resource in `Get<Kind>` and its executions: `{ deployment: id }`. */
  param: string;
  /** Whether its list items carry an observed state (polled; changes come over `/events`). */
  observed: boolean;
}

const spec = (kind: ResourceKind, slug: string, plural: string, param: string, observed = false) =>
  ({ kind, slug, plural, param, observed }) satisfies KindSpec;

export const KINDS: readonly KindSpec[] = [
  spec('Server', 'servers', 'Servers', 'server', true),
  spec('Deployment', 'deployments', 'Deployments', 'deployment', true),
  spec('Stack', 'stacks', 'Stacks', 'stack', true),
  spec('Build', 'builds', 'Builds', 'build'),
  spec('Repo', 'repos', 'Repos', 'repo'),
  spec('Procedure', 'procedures', 'Procedures', 'procedure'),
  spec('Builder', 'builders', 'Builders', 'builder'),
  spec('ResourceSync', 'resource-syncs', 'ResourceSyncs', 'sync'),
  spec('Alerter', 'alerters', 'Alerters', 'alerter'),
  spec('ServerTemplate', 'server-templates', 'ServerTemplates', 'server_template'),
];

export function kindBySlug(slug: string): KindSpec | undefined {
  return KINDS.find((k) => k.slug === slug);
}

export function kindSpec(kind: ResourceKind): KindSpec {
  const found = KINDS.find((k) => k.kind === kind);
  if (!found) throw new Error(`unknown kind ${kind}`);
  return found;
}

export function resourcePath(kind: ResourceKind, id: string): string {
  return `/${kindSpec(kind).slug}/${encodeURIComponent(id)}`;
}
