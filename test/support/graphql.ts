import { authHeaders, type Auth } from './api';
import type { EmbeddedMonitor } from './embedded';
import { enabledUser, grant } from './security';

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

/** A user signed up and enabled by the admin, granted Read on `target` only, over /graphql. */
export async function graphqlReader(
  monitor: EmbeddedMonitor,
  name: string,
  target: { type: string; id: string },
): Promise<GraphqlClient> {
  const { auth } = await enabledUser(monitor, name);
  await grant(monitor.admin, name, target, 'Read');
  return graphql(monitor.url, auth);
}
