import type { FeedHub, FeedSession } from '../../live/feed/feed-hub';
import type { GraphqlContext } from '../graphql-context';

/** A GraphQL context over graphql-ws: the request's, and the feeds its subscriptions follow. */
export interface SubscriptionContext extends GraphqlContext {
  readonly feeds: FeedHub;
  /** The connection's login, re-checked at every message of its subscriptions. */
  readonly session: FeedSession;
}
