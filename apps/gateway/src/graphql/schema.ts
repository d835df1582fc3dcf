import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { GraphqlContext } from './graphql-context';
import { kindTypes } from './kind-types';
import { mutationFields } from './mutations';
import { AlertType, UpdateType } from './record-types';
import { recordQueries } from './record-queries';
import { resourceQueries } from './resource-queries';
import { subscriptionType } from './subscriptions/subscription-type';

/**
 * The GraphQL schema, generated from the catalogue and the kinds' specs and DTOs: nothing in it
 * is written per kind. Built once; every resolver reads through its request's GraphqlContext.
 */
export function buildMonitorSchema(): GraphQLSchema {
  const types = kindTypes();
  const query = new GraphQLObjectType<unknown, GraphqlContext>({
    name: 'Query',
    fields: { ...resourceQueries(types), ...recordQueries() },
  });
  const mutation = new GraphQLObjectType<unknown, GraphqlContext>({
    name: 'Mutation',
    fields: mutationFields(),
  });
  const subscription = subscriptionType({
    kindTypes: types,
    updateType: UpdateType,
    alertType: AlertType,
  });
  return new GraphQLSchema({ query, mutation, subscription, types: [...types.values()] });
}
