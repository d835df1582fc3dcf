import type { GraphQLObjectType } from 'graphql';

/** What the schema builder hands the Subscription type: the object types it already built. */
export interface SubscriptionTypeContext {
  /** The object type of each resource kind, by kind (`Deployment`, `Server`, ...). */
  readonly kindTypes: ReadonlyMap<string, GraphQLObjectType>;
  /** The type of an Update, as the `updates` query answers it. */
  readonly updateType: GraphQLObjectType;
  /** The type of an Alert, as the `alerts` query answers it. */
  readonly alertType: GraphQLObjectType;
}

/** The schema's Subscription type, or undefined while the schema has none. */
export function subscriptionType(_context: SubscriptionTypeContext): GraphQLObjectType | undefined {
  return undefined;
}
