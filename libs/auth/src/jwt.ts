import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { AuthError } from './auth-error';

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

const HEADER = encodeJson({ alg: 'HS256', typ: 'JWT' });
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function signJwt(input: JwtInput, secret: Buffer, options: SignJwtOptions): string {
  const { expiresInSeconds } = options;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    throw new RangeError('expiresInSeconds must be a positive integer');
  }
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  // Spread first so a caller cannot override the timing claims by accident.
  const claims: JwtClaims = { ...input, iat, exp: iat + expiresInSeconds, jti: randomUUID() };
  const signingInput = `${HEADER}.${encodeJson(claims)}`;
  return `${signingInput}.${sign(signingInput, secret)}`;
}

/** The token's claims, or an AuthError saying why it is refused. */
export function verifyJwt(
  token: string,
  secret: Buffer,
  options: VerifyJwtOptions = {},
): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    throw malformed('not three base64url segments');
  }
  const [header, payload, signature] = parts;
  // The algorithm is fixed on our side: trusting the header's `alg` is how `none` and
  // RS256-with-the-HMAC-key-as-public-key forgeries get through.
  if (decodeJson(header).alg !== 'HS256') {
    throw new AuthError('TOKEN_ALG', 'token algorithm refused');
  }
  // Compared as text, so another spelling of the same signature bytes is refused as well.
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new AuthError('TOKEN_BAD_SIGNATURE', 'token signature is invalid');
  }
  const claims = decodeJson(payload);
  if (!isClaims(claims)) throw malformed('missing or mistyped claims');
  const now = (options.now ?? Date.now()) / 1000;
  if (now >= claims.exp) throw new AuthError('TOKEN_EXPIRED', 'token has expired');
  if (claims.iat > now + JWT_CLOCK_SKEW_SECONDS) {
    throw new AuthError('TOKEN_FUTURE_IAT', 'token is issued in the future');
  }
  return claims;
}

function sign(signingInput: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

function encodeJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeJson(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw malformed('segment is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed('segment is not a JSON object');
  }
  return value as Record<string, unknown>;
}

function isClaims(value: Record<string, unknown>): value is JwtClaims {
  const { sub, iat, exp, jti } = value;
  return (
    typeof sub === 'string' &&
    sub.length > 0 &&
    typeof jti === 'string' &&
    Number.isFinite(iat) &&
    Number.isFinite(exp)
  );
}

function malformed(reason: string): AuthError {
  return new AuthError('TOKEN_MALFORMED', `token is malformed: ${reason}`);
}
