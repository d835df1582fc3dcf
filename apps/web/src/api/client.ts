import { answerOf, ApiError } from './api-error';

export type Verb = 'read' | 'write' | 'execute';

/**
 * The gateway's public API and nothing else: `POST /<verb>/<Request>` with a login token.
 * Requests say they come from this UI (`x-monitor-client: web`), so the audit trail records
 * them as made `via: ui`.
 */
export class ApiClient {
  constructor(
    private readonly token: () => string | undefined,
    /** Called when the gateway no longer accepts the token (expired, user disabled). */
    private readonly onUnauthenticated: () => void,
  ) {}

  read<T>(request: string, params: object = {}): Promise<T> {
    return this.call<T>('read', request, params);
  }

  write<T>(request: string, params: object = {}): Promise<T> {
    return this.call<T>('write', request, params);
  }

  execute<T>(request: string, params: object = {}): Promise<T> {
    return this.call<T>('execute', request, params);
  }

  call<T>(verb: Verb, request: string, params: object): Promise<T> {
    return this.post<T>(`/${verb}/${request}`, params);
  }

  /** `/auth/manage/<Request>`: the user's own API keys and password. */
  manage<T>(request: string, params: object = {}): Promise<T> {
    return this.post<T>(`/auth/manage/${request}`, params);
  }

  private async post<T>(path: string, params: object): Promise<T> {
    const response = await fetch(path, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(params),
    });
    try {
      return await answerOf<T>(response);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onUnauthenticated();
      throw error;
    }
  }

  private headers(): Record<string, string> {
    const jwt = this.token();
    return {
      'content-type': 'application/json',
      'x-monitor-client': 'web',
      ...(jwt ? { authorization: jwt } : {}),
    };
  }
}

/** `/auth/login/<Request>`: the only routes open without a token. */
export async function loginRequest<T>(request: string, params: object = {}): Promise<T> {
  const response = await fetch(`/auth/login/${request}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-monitor-client': 'web' },
    body: JSON.stringify(params),
  });
  return answerOf<T>(response);
}

/** `GET /user`: who the token belongs to. */
export async function currentUser<T>(jwt: string): Promise<T> {
  const response = await fetch('/user', { headers: { authorization: jwt } });
  return answerOf<T>(response);
}
