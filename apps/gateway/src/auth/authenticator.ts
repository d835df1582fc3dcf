import type { Via } from '@monitor/eventstore';
import { Inject, Injectable } from '@nestjs/common';
import {
  AuthError,
  loadOrCreateJwtSecret,
  signJwt,
  verifyApiSecret,
  verifyJwt,
  type JwtClaims,
} from '@monitor/auth';
import type { MonitorConfig } from '@monitor/config';
import { earliestIssuedAt, isTokenRevoked } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { join, resolve } from 'node:path';
import { ApiError } from '../api/api-error';
import { Principal } from './principal';

export interface Credentials {
  /** `web` from Monitor's own UI, so the audit trail tells clicks from scripts. */
  client?: string;
  authorization?: string;
  apiKey?: string;
  apiSecret?: string;
}

export type PrincipalVia = 'ui' | 'api' | 'api-key';

/** Who is calling, and with which login token when it is one (not an API key). */
export interface Session {
  principal: Principal;
  token?: JwtClaims;
}

/** Turns request credentials (a JWT, or an API key and secret) into a Principal, or refuses. */
@Injectable()
export class Authenticator {
  private readonly secret: Buffer;

  constructor(
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {
    const configured = config.auth.jwt_secret;
    this.secret = configured
      ? Buffer.from(configured, 'utf8')
      : loadOrCreateJwtSecret(join(resolve(config.data_dir), 'jwt.secret'));
  }

  /** A login token for the user, issued after the user's last revocation of tokens. */
  issueJwt(userId: string): Promise<string> {
    return signJwt({ sub: userId }, this.secret, {
      expiresInSeconds: this.config.auth.jwt_ttl_seconds,
      issuedAtLeast: earliestIssuedAt(this.readModel.identity.user(userId)?.tokens),
    });
  }

  async authenticate(credentials: Credentials): Promise<Principal> {
    return (await this.session(credentials)).principal;
  }

  /** Like authenticate, with the login token used, if any. */
  async session(
    credentials: Credentials,
    { allowDisabled = false }: { allowDisabled?: boolean } = {},
  ): Promise<Session> {
    const session = await this.identifySession(credentials);
    const { principal } = session;
    if (!principal.user.enabled && !allowDisabled) {
      throw new ApiError(
        403,
        `user '${principal.user.username}' is disabled; an admin must enable it`,
        'FORBIDDEN',
      );
    }
    return session;
  }

  /** Like authenticate, without refusing disabled users (they may still read who they are). */
  async identify(credentials: Credentials): Promise<Principal> {
    return (await this.identifySession(credentials)).principal;
  }

  private async identifySession({
    authorization,
    apiKey,
    apiSecret,
    client,
  }: Credentials): Promise<Session> {
    if (authorization)
      return this.fromJwt(
        authorization.replace(/^Bearer\s+/i, ''),
        client === 'web' ? 'ui' : 'api',
      );
    if (apiKey || apiSecret) return { principal: this.fromApiKey(apiKey, apiSecret) };
    throw new ApiError(
      401,
      'no credentials: send `authorization: <jwt>`, or `x-api-key` and `x-api-secret`',
      'UNAUTHENTICATED',
    );
  }

  private async fromJwt(token: string, via: PrincipalVia): Promise<Session> {
    let claims: JwtClaims;
    try {
      claims = await verifyJwt(token, this.secret);
    } catch (error) {
      const reason = error instanceof AuthError ? error.message : 'invalid token';
      throw new ApiError(401, `login token refused: ${reason}`, 'UNAUTHENTICATED');
    }
    const principal = this.principal(claims.sub, via);
    if (isTokenRevoked(principal.user.tokens, claims)) {
      throw new ApiError(
        401,
        'login token refused: it was revoked by a password change or a logout; log in again',
        'UNAUTHENTICATED',
      );
    }
    return { principal, token: claims };
  }

  private fromApiKey(key: string | undefined, secret: string | undefined): Principal {
    if (!key || !secret)
      throw new ApiError(401, 'give both x-api-key and x-api-secret', 'UNAUTHENTICATED');
    const found = this.readModel.identity.apiKey(key);
    if (!found || !verifyApiSecret(secret, found.key.secretHash)) {
      throw new ApiError(401, 'API key or secret is wrong', 'UNAUTHENTICATED');
    }
    if (found.key.expires && found.key.expires < Date.now()) {
      throw new ApiError(401, `API key '${found.key.name}' has expired`, 'UNAUTHENTICATED');
    }
    return this.principal(found.userId, 'api-key');
  }

  /**
   * A fresh Principal for a connection that logged in earlier with `token` (none for an API
   * key), or undefined once that token has expired or been revoked, or its user deleted, since.
   */
  stillSignedIn(userId: string, via: PrincipalVia, token?: JwtClaims): Principal | undefined {
    if (!this.readModel.identity.user(userId)) return undefined;
    const principal = this.principal(userId, via);
    if (!token) return principal;
    const expired = token.exp * 1000 <= Date.now();
    return expired || isTokenRevoked(principal.user.tokens, token) ? undefined : principal;
  }

  /** A fresh Principal for a user already authenticated (grants may have changed since). */
  principal(userId: string, via: Via): Principal {
    const user = this.readModel.identity.user(userId);
    if (!user)
      throw new ApiError(401, 'the user of these credentials no longer exists', 'UNAUTHENTICATED');
    return new Principal(user, this.readModel.identity.groupGrants(userId), via);
  }
}

/** Reads the credential headers of an HTTP request. */
export function credentialsOf(headers: Record<string, string | string[] | undefined>): Credentials {
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    client: one('x-monitor-client'),
    authorization: one('authorization'),
    apiKey: one('x-api-key'),
    apiSecret: one('x-api-secret'),
  };
}
