import { GraphQLError } from 'graphql';
import { toApiError } from '../api/api-error';

/**
 * The RPC's error as a GraphQL error: the same message, its code in `extensions.code` (FORBIDDEN,
 * NOT_FOUND, VALIDATION ...) and its HTTP status in `extensions.status`, with the RPC's details
 * (field errors). Anything that is not an API, domain or bus error stays an internal error.
 */
export function toGraphqlError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const api = toApiError(error);
  const details = api.details === undefined ? {} : { details: api.details };
  return new GraphQLError(api.message, {
    extensions: { code: api.code, status: api.status, ...details },
  });
}

/** Runs a resolver's work, its errors turned into GraphQL errors with the RPC's code. */
export async function asGraphql<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGraphqlError(error);
  }
}
