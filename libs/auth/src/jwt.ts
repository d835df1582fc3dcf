import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { AuthError, type AuthErrorCode } from './auth-error';

/** What the caller puts in a token; `sub` is the user id, as Komodo's clients read it. */
export interface JwtInput {
  sub: string;
  [claim: string]: unknown;
}

/** A verified token's payload: seconds since the epoch for `iat` and `exp`. */
export interface JwtClaims extends JwtInput {
  iat: number;
  exp: number;
  jti: string;
}

export interface SignJwtOptions {
  expiresInSeconds: number;
  /** Epoch milliseconds; Date.now() when absent. */
  now?: number;
  /**
   * The earliest `iat` (epoch seconds) the token may carry: the user's tokens issued before it
   * are revoked, so a token minted in the same second as the revocation must not fall under it.
   */
  issuedAtLeast?: number;
}

export interface VerifyJwtOptions {
  /** Epoch milliseconds; Date.now() when absent. */
  now?: number;
}

/**
 * Tolerated lead of a token's `iat` over our clock, for replicas whose clocks drift apart.
 * Beyond it the token was minted by a broken clock or by someone holding the secret.
 */
export const JWT_CLOCK_SKEW_SECONDS = 60;

/** The algorithm is fixed on our side: trusting the header's `alg` is how `none` forgeries pass. */
const ALGORITHMS = ['HS256'];

/** jose's error codes, by what we answer for them. */
const JOSE_CODES: Record<string, AuthErrorCode> = {
  ERR_JWT_EXPIRED: 'TOKEN_EXPIRED',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'TOKEN_BAD_SIGNATURE',
  ERR_JOSE_ALG_NOT_ALLOWED: 'TOKEN_ALG',
  ERR_JOSE_NOT_SUPPORTED: 'TOKEN_ALG',
};

export async function signJwt(
  input: JwtInput,
  secret: Uint8Array,
  options: SignJwtOptions,
): Promise<string> {
  const { expiresInSeconds } = options;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    throw new RangeError('expiresInSeconds must be a positive integer');
  }
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const iat = Math.max(now, options.issuedAtLeast ?? 0);
  // The setters run after the payload is copied, so a caller cannot override the timing claims.
  return new SignJWT({ ...input })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(now + expiresInSeconds)
    .setJti(randomUUID())
    .sign(secret);
}

/** The token's claims, or an AuthError saying why it is refused. */
export async function verifyJwt(
  token: string,
  secret: Uint8Array,
  options: VerifyJwtOptions = {},
): Promise<JwtClaims> {
  const now = options.now ?? Date.now();
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ALGORITHMS,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'iat', 'exp', 'jti'],
    }));
  } catch (error) {
    throw refusal(error);
  }
  if (!isClaims(payload)) throw malformed('missing or mistyped claims');
  if (payload.iat > now / 1000 + JWT_CLOCK_SKEW_SECONDS) {
    throw new AuthError('TOKEN_FUTURE_IAT', 'token is issued in the future');
  }
  return payload;
}

function refusal(error: unknown): AuthError {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_J')) throw error;
  const ours = JOSE_CODES[code];
  if (ours === 'TOKEN_EXPIRED') return new AuthError(ours, 'token has expired');
  if (ours === 'TOKEN_BAD_SIGNATURE') return new AuthError(ours, 'token signature is invalid');
  if (ours === 'TOKEN_ALG') return new AuthError(ours, 'token algorithm refused');
  return malformed((error as Error).message);
}

function isClaims(value: Record<string, unknown>): value is JwtClaims {
  const { sub, iat, exp, jti } = value;
  return (
    typeof sub === 'string' &&
    sub.length > 0 &&
    typeof jti === 'string' &&
    jti.length > 0 &&
    Number.isFinite(iat) &&
    Number.isFinite(exp)
  );
}

function malformed(reason: string): AuthError {
  return new AuthError('TOKEN_MALFORMED', `token is malformed: ${reason}`);
}
