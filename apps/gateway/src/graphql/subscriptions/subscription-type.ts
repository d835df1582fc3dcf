import type { StoredEvent } from '@monitor/eventstore';
import type { UpdateRecord } from '@monitor/projections';
import {
  GraphQLError,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLNullableType,
} from 'graphql';
import { toUpdateListItem } from '../../api/komodo-shapes';
import { toKomodoAlert } from '../../api/read/alerts.read';
import { parseFeedFilter, type FeedFilterInput } from '../../live/feed/feed-filter';
import { feedIterator, type FeedYield } from '../../live/feed/feed-iterator';
import type { FeedSink } from '../../live/feed/feed-message';
import { toGraphqlError } from '../graphql-error';
import { JsonScalar } from '../json-scalar';
import { serverStats, type StatsReading } from './server-stats';
import type { SubscriptionContext } from './subscription-context';

/** What the schema builder hands the Subscription type: the object types it already built. */
export interface SubscriptionTypeContext {
  /** The object type of each resource kind, by kind (`Deployment`, `Server`, ...). */
  readonly kindTypes: ReadonlyMap<string, GraphQLObjectType>;
  /** The type of an Update, as the `updates` query answers it. */
  readonly updateType: GraphQLObjectType;
  /** The type of an Alert, as the `alerts` query answers it. */
  readonly alertType: GraphQLObjectType;
}

const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type);
const strings = { type: new GraphQLList(nonNull(GraphQLString)) };
const after = {
  type: GraphQLString,
  description: "Start after this log position (a message's `position`), or `now`; default 0.",
};

const FeedEventType = new GraphQLObjectType({
  name: 'FeedEvent',
  description: 'A domain event of the log, sealed secrets masked.',
  fields: {
    position: { type: nonNull(GraphQLFloat) },
    id: { type: nonNull(GraphQLID) },
    stream: { type: nonNull(GraphQLString) },
    revision: { type: nonNull(GraphQLInt) },
    type: { type: nonNull(GraphQLString) },
    data: { type: JsonScalar },
    metadata: { type: JsonScalar },
  },
});

const UpdatesFilter = new GraphQLInputObjectType({
  name: 'UpdatesFilter',
  fields: {
    kinds: { ...strings, description: 'Kinds of the target.' },
    resources: { ...strings, description: 'Ids of the target.' },
    operations: strings,
    tags: { ...strings, description: 'Tags (ids or names) of the target.' },
  },
});

/**
 * The schema's Subscription type, over graphql-ws at /graphql, on the gateway's feeds (FeedHub):
 * resumable from a position (`after`), filtered, permission-checked per message. A client that
 * falls `limits.feed_buffer` messages behind gets an error (`extensions.code` DROPPED, `after`)
 * and the subscription completes: subscribe again with `after`.
 */
export function subscriptionType({
  updateType,
  alertType,
}: SubscriptionTypeContext): GraphQLObjectType | undefined {
  const UpdateMessage = new GraphQLObjectType({
    name: 'UpdateMessage',
    fields: { position: { type: nonNull(GraphQLFloat) }, update: { type: nonNull(updateType) } },
  });
  const AlertMessage = new GraphQLObjectType({
    name: 'AlertMessage',
    fields: {
      position: { type: nonNull(GraphQLFloat) },
      event: { type: nonNull(GraphQLString), description: 'AlertOpened, AlertResolved ...' },
      alert: { type: alertType },
    },
  });
  return new GraphQLObjectType<unknown, SubscriptionContext>({
    name: 'Subscription',
    fields: {
      events: feedField(FeedEventType, {
        args: {
          kinds: strings,
          resources: strings,
          types: strings,
          tags: strings,
          streams: strings,
          after,
        },
        open: (args: FeedFilterInput & { after?: string }, ctx, sink: FeedSink<StoredEvent>) =>
          ctx.feeds.openEvents({ ...request(ctx, args), filter: parseFeedFilter(args), sink }),
        shape: ({ position, item }) => ({ ...item, position }),
      }),
      updates: feedField(UpdateMessage, {
        args: { filter: { type: UpdatesFilter }, after },
        open: (
          args: { filter?: UpdatesFilterInput; after?: string },
          ctx,
          sink: FeedSink<UpdateRecord>,
        ) =>
          ctx.feeds.openUpdates({
            ...request(ctx, args),
            filter: parseFeedFilter({ ...args.filter, types: args.filter?.operations }),
            sink,
          }),
        shape: ({ position, item }, ctx) => ({
          position,
          update: toUpdateListItem(item, ctx.readModel.identity),
        }),
      }),
      alerts: feedField(AlertMessage, {
        args: { after },
        open: (args: { after?: string }, ctx, sink: FeedSink<StoredEvent>) =>
          ctx.feeds.openEvents({
            ...request(ctx, args),
            filter: parseFeedFilter({ streams: ['alert'] }),
            sink,
          }),
        shape: async ({ position, item }, ctx) => {
          // The live tail may run ahead of the read model the alert is read from.
          await ctx.readModel.waitFor(position);
          const alert = ctx.readModel.alerts.alert(item.stream.slice('alert-'.length));
          return { position, event: item.type, alert: alert && toKomodoAlert(alert) };
        },
      }),
      serverStats: {
        type: nonNull(JsonScalar),
        description: "The server's stats (GetSystemStats) now, then every 5 s.",
        args: { server: { type: nonNull(GraphQLString), description: 'Its id or name.' } },
        subscribe: (_root, { server }: { server: string }, ctx: SubscriptionContext) =>
          serverStats(server, ctx).catch((error: unknown) => {
            throw toGraphqlError(error);
          }),
        resolve: (reading: unknown) => {
          const read = reading as StatsReading;
          if ('error' in read) throw toGraphqlError(read.error);
          return read.stats;
        },
      },
    },
  });
}

interface UpdatesFilterInput {
  kinds?: string[];
  resources?: string[];
  operations?: string[];
  tags?: string[];
}

function request(ctx: SubscriptionContext, { after }: { after?: string }) {
  return { session: ctx.session, from: ctx.feeds.position(after, 'after') };
}

/** A subscription field on a feed: its iterator, each message shaped, its end an error. */
function feedField<T, A>(
  type: GraphQLObjectType,
  field: {
    args: GraphQLFieldConfig<unknown, SubscriptionContext>['args'];
    open: (args: A, ctx: SubscriptionContext, sink: FeedSink<T>) => { close(): void };
    shape: (message: { position: number; item: T }, ctx: SubscriptionContext) => unknown;
  },
): GraphQLFieldConfig<unknown, SubscriptionContext> {
  return {
    type: nonNull(type),
    args: field.args,
    subscribe: (_root, args: A, ctx) => {
      try {
        return feedIterator<T>((sink) => field.open(args, ctx, sink));
      } catch (error) {
        throw toGraphqlError(error);
      }
    },
    resolve: (source: unknown, _args, ctx) => {
      const message = source as FeedYield<T>;
      if ('end' in message) {
        const { code, reason, after: position } = message.end;
        throw new GraphQLError(reason, { extensions: { code, after: position } });
      }
      return field.shape(message, ctx);
    },
  };
}
