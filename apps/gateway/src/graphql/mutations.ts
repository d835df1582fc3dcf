import { CATALOGUE_ENTRIES } from '@monitor/contracts';
import { GraphQLNonNull, type GraphQLFieldConfigMap } from 'graphql';
import { asGraphql } from './graphql-error';
import type { GraphqlContext } from './graphql-context';
import { JsonScalar } from './json-scalar';

/**
 * One mutation per write and execute request of the catalogue, named as the request, taking its
 * params as one JSON argument and answering what the RPC answers: the request's DTO validates
 * the params and names a bad field exactly as over the RPC (typed input arguments would check
 * them a second time, with GraphQL's messages instead of Monitor's).
 */
export function mutationFields(): GraphQLFieldConfigMap<unknown, GraphqlContext> {
  const fields: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
  for (const { name, verb } of CATALOGUE_ENTRIES) {
    // Six requests have a write form (Komodo 2's) and an execute form (Monitor's, answering an
    // Update): the first declared, the write, keeps the name.
    if (verb === 'read' || fields[name]) continue;
    fields[name] = {
      type: JsonScalar,
      description: `${verb === 'write' ? 'Write' : 'Execute'} request ${name}, as POST /${verb}/${name}.`,
      args: { params: { type: new GraphQLNonNull(JsonScalar), defaultValue: {} } },
      resolve: (_root, { params }: { params: unknown }, { dispatch }) =>
        asGraphql(() => dispatch(verb, name, params)),
    };
  }
  return fields;
}
