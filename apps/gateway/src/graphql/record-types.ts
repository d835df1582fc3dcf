import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLNullableType,
  type GraphQLOutputType,
} from 'graphql';
import { JsonScalar } from './json-scalar';

/** `T!` */
export const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type);

export const TargetType = new GraphQLObjectType({
  name: 'ResourceTarget',
  fields: { type: { type: nonNull(GraphQLString) }, id: { type: nonNull(GraphQLString) } },
});

/** An Update as `ListUpdates` answers it. */
export const UpdateType = new GraphQLObjectType({
  name: 'Update',
  fields: {
    id: { type: nonNull(GraphQLID) },
    operation: { type: nonNull(GraphQLString) },
    start_ts: { type: nonNull(GraphQLFloat) },
    success: { type: nonNull(GraphQLBoolean) },
    username: { type: nonNull(GraphQLString) },
    operator: { type: nonNull(GraphQLString) },
    target: { type: nonNull(TargetType) },
    status: { type: nonNull(GraphQLString) },
  },
});

/** An alert as `ListAlerts` answers it, its id as a plain string. */
export const AlertType = new GraphQLObjectType<Record<string, unknown>>({
  name: 'Alert',
  fields: {
    id: { type: nonNull(GraphQLID), resolve: (alert) => (alert._id as { $oid: string }).$oid },
    ts: { type: nonNull(GraphQLFloat) },
    resolved: { type: nonNull(GraphQLBoolean) },
    resolved_ts: { type: GraphQLFloat },
    level: { type: nonNull(GraphQLString) },
    target: { type: nonNull(TargetType) },
    data: { type: nonNull(JsonScalar) },
  },
});

/** One event of a resource's own stream, as `GetResourceHistory` answers it. */
export const HistoryEntryType = new GraphQLObjectType({
  name: 'HistoryEntry',
  fields: {
    revision: { type: nonNull(GraphQLInt) },
    type: { type: nonNull(GraphQLString) },
    at: { type: nonNull(GraphQLFloat) },
    user: { type: GraphQLString },
    via: { type: GraphQLString },
    correlation_id: { type: GraphQLString },
    causation_id: { type: GraphQLString },
    origin: { type: JsonScalar },
    diff: { type: JsonScalar },
  },
});

export const PageInfoType = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: nonNull(GraphQLBoolean) },
    endCursor: { type: GraphQLString },
  },
});

/** A Relay connection of `node`: edges with cursors, pageInfo, and the count when known. */
export function connectionType(name: string, node: GraphQLOutputType): GraphQLObjectType {
  const edge = new GraphQLObjectType({
    name: `${name}Edge`,
    fields: { node: { type: nonNull(node) }, cursor: { type: nonNull(GraphQLString) } },
  });
  return new GraphQLObjectType({
    name: `${name}Connection`,
    fields: {
      edges: { type: nonNull(new GraphQLList(nonNull(edge))) },
      pageInfo: { type: nonNull(PageInfoType) },
      totalCount: { type: GraphQLInt },
    },
  });
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}
