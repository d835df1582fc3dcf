/** A thin client of the gateway's routes for tests: the status and the parsed answer. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export type Auth = { jwt: string } | { key: string; secret: string } | undefined;

export function authHeaders(auth: Auth): Record<string, string> {
  if (!auth) return {};
  return 'jwt' in auth
    ? { authorization: auth.jwt }
    : { 'x-api-key': auth.key, 'x-api-secret': auth.secret };
}

export function api(baseUrl: string, auth?: Auth) {
  async function post<T = Record<string, unknown>>(
    path: string,
    params: unknown = {},
  ): Promise<ApiAnswer<T>> {
    const response = await fetch(`${baseUrl}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(auth) },
      body: typeof params === 'string' ? params : JSON.stringify(params),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as T) : ({} as T) };
  }
  const call = <T = Record<string, unknown>>(verb: string, request: string, params: unknown = {}) =>
    post<T>(`${verb}/${request}`, params);
  /** Like call, but fails the test with the error message unless the status is 200. */
  async function ok<T = Record<string, unknown>>(
    verb: string,
    request: string,
    params: unknown = {},
  ): Promise<T> {
    const answer = await call<T>(verb, request, params);
    if (answer.status !== 200)
      throw new Error(`${request} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  return {
    post,
    call,
    ok,
    read: <T = Record<string, unknown>>(request: string, params?: unknown) =>
      ok<T>('read', request, params),
    write: <T = Record<string, unknown>>(request: string, params?: unknown) =>
      ok<T>('write', request, params),
    execute: <T = Record<string, unknown>>(request: string, params?: unknown) =>
      ok<T>('execute', request, params),
  };
}

export type ApiClient = ReturnType<typeof api>;

export const TEST_PASSWORD = 'correct horse battery staple';

/** Signs a user up (the first becomes admin) and answers their login token. */
export async function signUp(
  baseUrl: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ jwt: string }> {
  const answer = await api(baseUrl).post<{ jwt: string }>('auth/login/SignUpLocalUser', {
    username,
    password,
  });
  if (answer.status !== 200)
    throw new Error(`sign-up of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function logIn(
  baseUrl: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ jwt: string }> {
  const answer = await api(baseUrl).post<{ data: { jwt: string } }>('auth/login/LoginLocalUser', {
    username,
    password,
  });
  if (answer.status !== 200)
    throw new Error(`login of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}
