import { authHeaders, type Auth } from './api';

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; status?: number } & Record<string, unknown>;
}

export interface GraphqlAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

/** A client of /graphql for tests: POSTs an operation as the given caller. */
export function graphql(baseUrl: string, auth?: Auth) {
  async function post<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlAnswer<T>> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(auth) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphqlAnswer<T>, 'status'>;
    return { status: response.status, ...body };
  }
  /** Like post, but fails the test with the errors unless there are none. */
  async function ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const answer = await post<T>(query, variables);
    if (answer.errors?.length || !answer.data)
      throw new Error(`graphql answered ${answer.status}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }
  return { post, ok };
}

export type GraphqlClient = ReturnType<typeof graphql>;
