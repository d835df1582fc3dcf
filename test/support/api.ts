/** A thin client of the gateway's RPC routes for tests: the status and the parsed answer. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export function api(baseUrl: string) {
  async function call<T = Record<string, unknown>>(
    verb: string,
    request: string,
    params: unknown = {},
  ): Promise<ApiAnswer<T>> {
    const response = await fetch(`${baseUrl}/${verb}/${request}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof params === 'string' ? params : JSON.stringify(params),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as T) : ({} as T) };
  }
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
    call,
    ok,
    read: <T = Record<string, unknown>>(request: string, params?: unknown) =>
      ok<T>('read', request, params),
    write: <T = Record<string, unknown>>(request: string, params?: unknown) =>
      ok<T>('write', request, params),
  };
}
