import { KIND_REQUESTS } from '@monitor/contracts';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '@monitor/domain';
import {
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLObjectType,
} from 'graphql';
import { decodeCursor, encodeCursor } from './cursor';
import type { GraphqlContext } from './graphql-context';
import { KindEnum, ResourceInterface } from './kind-types';
import { connectionType, type Connection } from './record-types';

/** A page holds this many resources unless `first` says otherwise, and never more than MAX. */
export const DEFAULT_FIRST = 100;
export const MAX_FIRST = 1000;

export const ResourceFilterInput = new GraphQLInputObjectType({
  name: 'ResourceFilter',
  fields: {
    tags: {
      type: new GraphQLList(new GraphQLNonNull(GraphQLString)),
      description: 'All of these.',
    },
    query: { type: GraphQLString, description: 'A part of the name, any case.' },
    state: { type: GraphQLString, description: "The list item's `info.state`, e.g. Running." },
  },
});

interface ResourceFilter {
  tags?: string[];
  query?: string;
  state?: string;
}

interface ListArgs {
  filter?: ResourceFilter;
  first?: number;
  after?: string;
}

const pageArgs = {
  first: { type: GraphQLInt, defaultValue: DEFAULT_FIRST },
  after: { type: GraphQLString },
};

/** `first` within 0..MAX_FIRST, or a BAD_USER_INPUT error naming it. */
export function checkedFirst(first: number | undefined): number {
  const value = first ?? DEFAULT_FIRST;
  if (value < 0 || value > MAX_FIRST) {
    throw new GraphQLError(`first: must be between 0 and ${MAX_FIRST} (got ${value})`, {
      extensions: { code: 'BAD_USER_INPUT', status: 400 },
    });
  }
  return value;
}

/**
 * `resource(kind, id | name)`, `resources(kind, filter, first, after)`, and per kind the same
 * list typed (`deployments`, `servers`, ...: the RPC's List name without `List`).
 */
export function resourceQueries(
  kindTypes: ReadonlyMap<ResourceKind, GraphQLObjectType>,
): GraphQLFieldConfigMap<unknown, GraphqlContext> {
  const anyConnection = connectionType('Resource', ResourceInterface);
  const fields: GraphQLFieldConfigMap<unknown, GraphqlContext> = {
    resource: {
      type: ResourceInterface,
      description: 'By id or by name; null when there is none the caller may read.',
      args: {
        kind: { type: new GraphQLNonNull(KindEnum) },
        id: { type: GraphQLString },
        name: { type: GraphQLString },
      },
      resolve: (_root, args: { kind: ResourceKind; id?: string; name?: string }, context) =>
        findResource(args, context),
    },
    resources: {
      type: new GraphQLNonNull(anyConnection),
      args: {
        kind: { type: new GraphQLNonNull(KindEnum) },
        filter: { type: ResourceFilterInput },
        ...pageArgs,
      },
      resolve: (_root, args: ListArgs & { kind: ResourceKind }, context) =>
        listResources(args.kind, args, context),
    },
  };
  for (const kind of RESOURCE_KINDS) {
    const type = kindTypes.get(kind);
    if (!type) continue;
    fields[listFieldName(kind)] = {
      type: new GraphQLNonNull(connectionType(kind, type)),
      args: { filter: { type: ResourceFilterInput }, ...pageArgs },
      resolve: (_root, args: ListArgs, context) => listResources(kind, args, context),
    };
  }
  return fields;
}

/** `ListDeployments` → `deployments`, `ListResourceSyncs` → `resourceSyncs`. */
export function listFieldName(kind: ResourceKind): string {
  const plural = KIND_REQUESTS[kind].list.name.replace(/^List/, '');
  return plural[0].toLowerCase() + plural.slice(1);
}

function findResource(
  { kind, id, name }: { kind: ResourceKind; id?: string; name?: string },
  { readModel, principal }: GraphqlContext,
): Resource | null {
  if ((id === undefined) === (name === undefined)) {
    throw new GraphQLError('resource: give either id or name', {
      extensions: { code: 'BAD_USER_INPUT', status: 400 },
    });
  }
  const found =
    id !== undefined ? readModel.resourceById(kind, id) : readModel.resource(kind, name ?? '');
  return found && (name === undefined || found.name === name) && principal.can(found, 'Read')
    ? found
    : null;
}

/** The resources of the kind the caller may read and the filter picks, in name order, paged. */
async function listResources(
  kind: ResourceKind,
  { filter = {}, first, after }: ListArgs,
  context: GraphqlContext,
): Promise<Connection<Resource>> {
  const size = checkedFirst(first);
  const { readable, loaders } = context;
  const query = { terms: filter.query ? [filter.query] : undefined, tags: filter.tags };
  let picked = readable(kind, query);
  if (filter.state !== undefined) {
    picked = picked.filter((r) => loaders.info(r).state === filter.state);
  }
  const scope = `resources/${kind}`;
  const lastSeen = after === undefined ? undefined : decodeCursor(scope, after);
  const start =
    lastSeen === undefined ? 0 : indexAfter(picked, (r) => r.name.localeCompare(lastSeen) > 0);
  const page = picked.slice(start, start + size);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(scope, node.name) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + size < picked.length,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: picked.length,
  };
}

function indexAfter<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  const index = items.findIndex(isAfter);
  return index === -1 ? items.length : index;
}
