import type {
  AnswerOf,
  AuthAnswerOf,
  AuthParamsOf,
  AuthRequestName,
  ParamsOf,
  RequestName,
  UserAnswer,
} from '@monitor/contracts';
import { answerOf, ApiError } from './api-error';

/** A request's params, which may be left out when its DTO requires none. */
type ParamsArg<P> = object extends P ? [params?: P] : [params: P];

/**
 * The gateway's public API and nothing else: `POST /<verb>/<Request>` with a login token. Each
 * call names a request of the catalogue (`@monitor/contracts`), which types its params and its
 * answer. Requests say they come from this UI (`x-monitor-client: web`), so the audit trail
 * records them as made `via: ui`.
 */
export class ApiClient {
  constructor(
    private readonly token: () => string | undefined,
    /** Called when the gateway no longer accepts the token (expired, user disabled). */
    private readonly onUnauthenticated: () => void,
  ) {}

  read<N extends RequestName<'read'>>(
    request: N,
    ...[params]: ParamsArg<ParamsOf<'read', N>>
  ): Promise<AnswerOf<'read', N>> {
    return this.post(`/read/${request}`, params);
  }

  write<N extends RequestName<'write'>>(
    request: N,
    ...[params]: ParamsArg<ParamsOf<'write', N>>
  ): Promise<AnswerOf<'write', N>> {
    return this.post(`/write/${request}`, params);
  }

  execute<N extends RequestName<'execute'>>(
    request: N,
    ...[params]: ParamsArg<ParamsOf<'execute', N>>
  ): Promise<AnswerOf<'execute', N>> {
    return this.post(`/execute/${request}`, params);
  }

  /** `/auth/manage/<Request>`: the user's own API keys and password. */
  manage<N extends AuthRequestName<'manage'>>(
    request: N,
    ...[params]: ParamsArg<AuthParamsOf<N>>
  ): Promise<AuthAnswerOf<N>> {
    return this.post(`/auth/manage/${request}`, params);
  }

  private async post<T>(path: string, params: object = {}): Promise<T> {
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
export async function loginRequest<N extends AuthRequestName<'login'>>(
  request: N,
  ...[params]: ParamsArg<AuthParamsOf<N>>
): Promise<AuthAnswerOf<N>> {
  const response = await fetch(`/auth/login/${request}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-monitor-client': 'web' },
    body: JSON.stringify(params ?? {}),
  });
  return answerOf(response);
}

/** `GET /user`: who the token belongs to. */
export async function currentUser(jwt: string): Promise<UserAnswer> {
  const response = await fetch('/user', { headers: { authorization: jwt } });
  return answerOf(response);
}
