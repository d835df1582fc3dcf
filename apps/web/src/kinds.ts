import type { AnswerOf, KIND_REQUESTS, ResourceKind } from '@monitor/contracts';

type KindRequests = typeof KIND_REQUESTS;

/** The names of a kind's shared requests the UI makes, as the catalogue declares them. */
export type KindRequestNames<K extends ResourceKind> = {
  [
    R in 'get' | 'list' | 'summary' | 'create' | 'update' | 'rename' | 'delete'
  ]: KindRequests[K][R]['name'];
};

/** What the UI needs to know of a kind: where it lives, and how its requests are named. */
interface KindSpecOf<K extends ResourceKind> {
  kind: K;
  /** The URL segment of its pages: `/deployments`, `/deployments/<id>`. */
  slug: string;
  plural: string;
  /** The param naming one resource in `Get<Kind>` and its executions: `{ deployment: id }`. */
  param: string;
  /** Whether its list items carry an observed state (polled; changes come over `/events`). */
  observed: boolean;
  requests: KindRequestNames<K>;
}

/** Any kind's spec: the union keeps each kind's request names its own. */
export type KindSpec = { [K in ResourceKind]: KindSpecOf<K> }[ResourceKind];

/** A resource of any kind, as `Get<Kind>` answers it. */
export type KindResource = AnswerOf<'read', KindSpec['requests']['get']>;

/** A resource of any kind, as `List<Kinds>` answers it. */
export type KindListItem = AnswerOf<'read', KindSpec['requests']['list']>[number];

/** The state a list item shows, for the kinds whose items have one (an Alerter: its health). */
export function stateOf(item: KindListItem): string | undefined {
  if ('state' in item.info) return String(item.info.state);
  return 'health' in item.info ? item.info.health : undefined;
}

/** Why a server's last poll found it NotOk, for the items that say (Monitor's, on servers). */
export function reasonOf(item: KindListItem): string | undefined {
  return 'reason' in item.info ? item.info.reason : undefined;
}

/** Komodo's names for a kind's requests (`Get<Kind>`, `List<Kinds>`, ...), checked by the compiler. */
const names = <K extends ResourceKind, P extends string>(kind: K, plural: P) =>
  ({
    get: `Get${kind}`,
    list: `List${plural}`,
    summary: `Get${plural}Summary`,
    create: `Create${kind}`,
    update: `Update${kind}`,
    rename: `Rename${kind}`,
    delete: `Delete${kind}`,
  }) as const;

const spec = <K extends ResourceKind>(
  kind: K,
  slug: string,
  plural: string,
  param: string,
  requests: KindRequestNames<K>,
  observed = false,
): KindSpecOf<K> => ({ kind, slug, plural, param, observed, requests });

export const KINDS: readonly KindSpec[] = [
  spec('Server', 'servers', 'Servers', 'server', names('Server', 'Servers'), true),
  spec(
    'Deployment',
    'deployments',
    'Deployments',
    'deployment',
    names('Deployment', 'Deployments'),
    true,
  ),
  spec('Stack', 'stacks', 'Stacks', 'stack', names('Stack', 'Stacks'), true),
  spec('Build', 'builds', 'Builds', 'build', names('Build', 'Builds')),
  spec('Repo', 'repos', 'Repos', 'repo', names('Repo', 'Repos')),
  spec('Procedure', 'procedures', 'Procedures', 'procedure', names('Procedure', 'Procedures')),
  spec('Action', 'actions', 'Actions', 'action', names('Action', 'Actions')),
  spec('Builder', 'builders', 'Builders', 'builder', names('Builder', 'Builders')),
  spec(
    'ResourceSync',
    'resource-syncs',
    'ResourceSyncs',
    'sync',
    names('ResourceSync', 'ResourceSyncs'),
  ),
  spec('Alerter', 'alerters', 'Alerters', 'alerter', names('Alerter', 'Alerters')),
  spec(
    'ServerTemplate',
    'server-templates',
    'ServerTemplates',
    'server_template',
    names('ServerTemplate', 'ServerTemplates'),
  ),
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
