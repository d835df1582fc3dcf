import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Any JSON value: what the catalogue's requests take and answer, and the config fields whose
 * shape is not one scalar (nested objects, tagged unions). In a query it is written as a
 * GraphQL literal (`{ stack: "web" }`) or passed as a variable.
 */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
