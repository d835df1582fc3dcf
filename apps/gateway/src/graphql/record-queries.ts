import {
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { decodeOffset, encodeCursor } from './cursor';
import { asGraphql } from './graphql-error';
import type { GraphqlContext } from './graphql-context';
import { KindEnum } from './kind-types';
import {
  AlertType,
  connectionType,
  HistoryEntryType,
  UpdateType,
  type Connection,
} from './record-types';
import { checkedFirst, DEFAULT_FIRST } from './resource-queries';
import { JsonScalar } from './json-scalar';
import { STREAM_READ_COST } from './limits';

export const TargetInput = new GraphQLInputObjectType({
  name: 'ResourceTargetInput',
  fields: {
    type: { type: new GraphQLNonNull(KindEnum) },
    id: { type: new GraphQLNonNull(GraphQLString), description: 'Its id, or its name if live.' },
  },
});

interface PagedArgs {
  filter?: Record<string, unknown>;
  first?: number;
  after?: string;
}

const pagedArgs = {
  filter: {
    type: JsonScalar,
    description: 'Dotted paths to equal values, as the RPC\'s `query`: { "target.type": "Stack" }',
  },
  first: { type: GraphQLInt, defaultValue: DEFAULT_FIRST },
  after: { type: GraphQLString },
};

/**
 * The audit trail and the history, answered by the RPC's own read handlers (ListUpdates,
 * ListAlerts, GetResourceHistory, GetResourceAt) as the caller: what they may see is theirs.
 */
export function recordQueries(): GraphQLFieldConfigMap<unknown, GraphqlContext> {
  return {
    updates: {
      type: new GraphQLNonNull(connectionType('Update', UpdateType)),
      description: 'Newest first.',
      args: pagedArgs,
      resolve: (_root, args: PagedArgs, context) =>
        pagedRecords('ListUpdates', 'updates', args, context),
    },
    alerts: {
      type: new GraphQLNonNull(connectionType('Alert', AlertType)),
      description: 'Newest first.',
      args: pagedArgs,
      resolve: (_root, args: PagedArgs, context) =>
        pagedRecords('ListAlerts', 'alerts', args, context),
    },
    history: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(HistoryEntryType))),
      description: "The events of a resource's own stream, a deleted one's too (by id).",
      extensions: { complexity: STREAM_READ_COST },
      args: { target: { type: new GraphQLNonNull(TargetInput) } },
      resolve: (_root, { target }: { target: unknown }, { dispatch }) =>
        asGraphql(() => dispatch('read', 'GetResourceHistory', { target })),
    },
    resourceAt: {
      type: JsonScalar,
      description: 'The resource as it was at a revision of its stream, or at a time (ms).',
      extensions: { complexity: STREAM_READ_COST },
      args: {
        target: { type: new GraphQLNonNull(TargetInput) },
        revision: { type: GraphQLInt },
        at: { type: GraphQLFloat },
      },
      resolve: (_root, args: Record<string, unknown>, { dispatch }) =>
        asGraphql(() => dispatch('read', 'GetResourceAt', args)),
    },
  };
}

type Paged = Record<string, unknown[]> & { next_page: number | null };

/**
 * A connection over one of the RPC's paged lists (`page` of `updates_page_size`, newest first):
 * cursors are offsets from the newest, so an item added while paging shows the last one again.
 */
async function pagedRecords(
  request: string,
  key: 'updates' | 'alerts',
  { filter = {}, first, after }: PagedArgs,
  { dispatch, updatesPageSize }: GraphqlContext,
): Promise<Connection<unknown>> {
  const size = checkedFirst(first);
  const scope = key;
  const start = after === undefined ? 0 : decodeOffset(scope, after) + 1;
  const items: unknown[] = [];
  let page = Math.floor(start / updatesPageSize);
  let skip = start - page * updatesPageSize;
  let more = true;
  while (more && items.length <= size) {
    const answer = (await asGraphql(() =>
      dispatch('read', request, { query: filter, page }),
    )) as Paged;
    items.push(...answer[key].slice(skip));
    skip = 0;
    more = answer.next_page !== null;
    page += 1;
  }
  const edges = items
    .slice(0, size)
    .map((node, i) => ({ node, cursor: encodeCursor(scope, String(start + i)) }));
  return {
    edges,
    pageInfo: { hasNextPage: items.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
