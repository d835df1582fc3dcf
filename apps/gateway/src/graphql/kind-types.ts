import { CONFIG_DTOS } from '@monitor/contracts';
import {
  getPath,
  KIND_SPECS,
  RESOURCE_KINDS,
  type ReferenceSpec,
  type Resource,
  type ResourceKind,
} from '@monitor/domain';
import { maskPaths, maskSealed } from '@monitor/secrets';
import {
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { configType } from './config-types';
import type { GraphqlContext } from './graphql-context';
import { JsonScalar } from './json-scalar';
import { nonNull } from './record-types';

type Field = GraphQLFieldConfig<Resource, GraphqlContext>;
type Fields = GraphQLFieldConfigMap<Resource, GraphqlContext>;

export const KindEnum = new GraphQLEnumType({
  name: 'ResourceKind',
  values: Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, { value: kind }])),
});

export const TagType = new GraphQLObjectType({
  name: 'Tag',
  fields: {
    id: { type: nonNull(GraphQLID) },
    name: { type: nonNull(GraphQLString) },
    color: { type: GraphQLString },
    owner: { type: GraphQLString },
  },
});

/** What every kind has; `resource` and `resources` answer it (`... on Deployment` for more). */
const commonFields = (): Fields => ({
  id: { type: nonNull(GraphQLID) },
  kind: { type: nonNull(KindEnum) },
  name: { type: nonNull(GraphQLString) },
  description: { type: nonNull(GraphQLString) },
  tags: {
    type: nonNull(new GraphQLList(nonNull(TagType))),
    resolve: async (resource, _args, { loaders }) =>
      (await loaders.tags.loadMany(resource.tags)).filter((tag) => tag && !(tag instanceof Error)),
  },
  info: {
    type: nonNull(JsonScalar),
    description: "What the RPC's List answers as the item's `info`.",
    resolve: (resource, _args, { loaders }) => loaders.info(resource),
  },
  state: {
    type: nonNull(GraphQLString),
    resolve: (resource, _args, { loaders }) => String(loaders.info(resource).state ?? 'Unknown'),
  },
  base_permission: { type: nonNull(GraphQLString), resolve: (r) => r.basePermission },
  updated_at: { type: nonNull(GraphQLFloat), resolve: (r) => r.updatedAt },
});

export const ResourceInterface: GraphQLInterfaceType = new GraphQLInterfaceType({
  name: 'Resource',
  fields: commonFields,
  resolveType: (resource: Resource) => resource.kind,
});

/** One object type per kind, its config typed from the kind's DTO, its references as objects. */
export function kindTypes(): Map<ResourceKind, GraphQLObjectType> {
  const types = new Map<ResourceKind, GraphQLObjectType>();
  for (const kind of RESOURCE_KINDS) {
    const config = configType(`${kind}Config`, CONFIG_DTOS[kind]);
    types.set(
      kind,
      new GraphQLObjectType<Resource, GraphqlContext>({
        name: kind,
        interfaces: [ResourceInterface],
        isTypeOf: (resource: Resource) => resource.kind === kind,
        fields: () => ({
          ...commonFields(),
          config: { type: nonNull(config), resolve: shownConfig },
          ...referenceFields(KIND_SPECS[kind].references, types),
        }),
      }),
    );
  }
  return types;
}

/** The config as the RPC's Get answers it: secrets masked, a Build's recorded version. */
function shownConfig(resource: Resource, _args: unknown, { shown }: GraphqlContext) {
  const { config } = shown(resource);
  return { ...maskPaths(maskSealed(config), KIND_SPECS[resource.kind].secrets) };
}

/** `server_id` → `server`, `server_ids` → `servers`, `linked_repo` stays. */
export function referenceName(path: readonly string[]): string {
  const last = path[path.length - 1];
  if (last.endsWith('_ids')) return `${last.slice(0, -4)}s`;
  return last.endsWith('_id') ? last.slice(0, -3) : last;
}

function referenceFields(
  references: readonly ReferenceSpec[],
  types: ReadonlyMap<ResourceKind, GraphQLObjectType>,
): Fields {
  const fields: Fields = {};
  for (const reference of references) {
    const type = types.get(reference.kind);
    if (!type) continue;
    const many = reference.path[reference.path.length - 1].endsWith('_ids');
    fields[referenceName(reference.path)] = many
      ? { type: nonNull(new GraphQLList(nonNull(type))), resolve: referredMany(reference) }
      : { type, resolve: referredOne(reference) };
  }
  return fields;
}

/** The ids the reference holds, none when its variant is another (`when`). */
function referredIds(resource: Resource, { path, when }: ReferenceSpec): string[] {
  if (when && getPath(resource.config, when.path) !== when.equals) return [];
  const value = getPath(resource.config, path);
  const ids = Array.isArray(value) ? value : [value];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

/** A referred resource the caller may not read is absent, as in any list (never a leak). */
function readable(
  kind: ResourceKind,
  id: string,
  { loaders, principal }: GraphqlContext,
): Promise<Resource | null> {
  return loaders.resource(kind, id).then((r) => (r && principal.can(r, 'Read') ? r : null));
}

function referredOne(reference: ReferenceSpec): Field['resolve'] {
  return (resource, _args, context) => {
    const [id] = referredIds(resource, reference);
    return id === undefined ? null : readable(reference.kind, id, context);
  };
}

function referredMany(reference: ReferenceSpec): Field['resolve'] {
  return async (resource, _args, context) => {
    const ids = referredIds(resource, reference);
    const found = await Promise.all(ids.map((id) => readable(reference.kind, id, context)));
    return found.filter((r): r is Resource => r !== null);
  };
}
