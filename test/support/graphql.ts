import { authHeaders, type ApiClient, type Auth } from './api';
import { startEmbedded, type EmbeddedMonitor } from './embedded';
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

/** What a GraphQL spec's tests share: a Monitor, its admin over the API and /graphql, a reader. */
export interface GraphqlSession {
  monitor: EmbeddedMonitor;
  admin: ApiClient;
  gql: GraphqlClient;
  /** Read on `readable` only. */
  reader: GraphqlClient;
}

/**
 * For a describe whose tests share one embedded Monitor (sign-ups on): before them, the admin
 * makes what the tests read (`setUp`), then `reader` is granted Read on `readable`; after them,
 * the Monitor is destroyed. The session's fields are set in beforeAll: read them in the tests.
 */
export function sharedGraphqlSession(
  readable: { type: string; id: string },
  setUp: (admin: ApiClient) => Promise<unknown>,
): GraphqlSession {
  const session = {} as GraphqlSession;
  beforeAll(async () => {
    session.monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    session.admin = session.monitor.admin;
    session.gql = graphql(session.monitor.url, session.monitor.adminAuth);
    await setUp(session.admin);
    session.reader = await graphqlReader(session.monitor, 'reader', readable);
  });
  afterAll(() => session.monitor?.destroy());
  return session;
}
