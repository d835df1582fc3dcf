import type { MoghAuth } from 'komodo_client';
import {
  CreateApiKeyDto,
  DeleteApiKeyDto,
  LogoutDto,
  UpdatePasswordDto,
  UsernamePasswordDto,
} from '../requests/auth.dto';
import { EmptyDto } from '../requests/read.dto';

/**
 * One of Komodo's auth requests (`POST /auth/<route>/<name>`, answered by the gateway's auth
 * controller): `login` is open to anyone, `manage` to the user of the token, for themselves.
 */
export interface AuthEntry<N extends string, R extends 'login' | 'manage', P extends object, A> {
  readonly name: N;
  readonly route: R;
  readonly dto: new () => P;
  /** Never set: carries the answer's type. */
  readonly answer?: A;
}

const login =
  <A>() =>
  <N extends string, P extends object>(name: N, dto: new () => P): AuthEntry<N, 'login', P, A> => ({
    name,
    route: 'login',
    dto,
  });

const manage =
  <A>() =>
  <N extends string, P extends object>(
    name: N,
    dto: new () => P,
  ): AuthEntry<N, 'manage', P, A> => ({
    name,
    route: 'manage',
    dto,
  });

type Login = MoghAuth.LoginResponses;
type Manage = MoghAuth.ManageResponses;

export const AUTH_REQUESTS = {
  GetLoginOptions: login<Login['GetLoginOptions']>()('GetLoginOptions', EmptyDto),
  SignUpLocalUser: login<Login['SignUpLocalUser']>()('SignUpLocalUser', UsernamePasswordDto),
  LoginLocalUser: login<Login['LoginLocalUser']>()('LoginLocalUser', UsernamePasswordDto),
  CreateApiKey: manage<Manage['CreateApiKey']>()('CreateApiKey', CreateApiKeyDto),
  DeleteApiKey: manage<Manage['DeleteApiKey']>()('DeleteApiKey', DeleteApiKeyDto),
  UpdatePassword: manage<Manage['UpdatePassword']>()('UpdatePassword', UpdatePasswordDto),
  /** Monitor's own: Komodo's clients log out by forgetting the token. */
  Logout: manage<MoghAuth.Types.NoData>()('Logout', LogoutDto),
};

type AuthRequests = typeof AUTH_REQUESTS;

/** The auth requests of a route: `login` or `manage`. */
export type AuthRequestName<R extends 'login' | 'manage'> = {
  [N in keyof AuthRequests]: AuthRequests[N]['route'] extends R ? N : never;
}[keyof AuthRequests];

/** The params of an auth request (its DTO's fields). */
export type AuthParamsOf<N extends keyof AuthRequests> =
  AuthRequests[N] extends AuthEntry<string, 'login' | 'manage', infer P, unknown> ? P : never;

/** What an auth request answers. */
export type AuthAnswerOf<N extends keyof AuthRequests> =
  AuthRequests[N] extends AuthEntry<string, 'login' | 'manage', object, infer A> ? A : never;
