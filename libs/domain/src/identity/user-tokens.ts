import { invalid } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';

/** Which of a user's login tokens are revoked. API keys are not tokens: they have their own life. */
export interface TokenRevocations {
  /** Epoch ms: every token issued before is refused (a password change, a Logout everywhere). */
  validAfter: number;
  /** A logged-out token's `jti` -> when it expires (epoch ms): kept until then, no longer. */
  revoked: Record<string, number>;
}

export type TokensRevokedReason = 'PasswordChanged' | 'LoggedOutEverywhere';

export type UserTokenEvent =
  | DomainEvent<'UserTokensRevoked', { at: number; reason: TokensRevokedReason }>
  | DomainEvent<'UserTokenRevoked', { jti: string; expiresAt: number; at: number }>;

/** `at` is the time of the command (epoch ms), given by the caller: the domain reads no clock. */
export type UserTokenCommand =
  | { type: 'LogOutEverywhere'; at: number }
  | { type: 'LogOut'; jti: string; expiresAt: number; at: number };

export const noRevocations = (): TokenRevocations => ({ validAfter: 0, revoked: {} });

export function decideTokens(command: UserTokenCommand): UserTokenEvent[] {
  if (!Number.isSafeInteger(command.at) || command.at <= 0)
    throw invalid('at: the time of a revocation must be epoch milliseconds');
  if (command.type === 'LogOutEverywhere')
    return [{ type: 'UserTokensRevoked', data: { at: command.at, reason: 'LoggedOutEverywhere' } }];
  if (!command.jti) throw invalid('jti: the token to log out has no id');
  const { jti, expiresAt, at } = command;
  return [{ type: 'UserTokenRevoked', data: { jti, expiresAt, at } }];
}

/** The events a password change brings: every token issued before it stops working. */
export function revokedByPasswordChange(at: number): UserTokenEvent {
  return { type: 'UserTokensRevoked', data: { at, reason: 'PasswordChanged' } };
}

export function evolveTokens(
  tokens: TokenRevocations = noRevocations(),
  event: UserTokenEvent,
): TokenRevocations {
  const { at } = event.data;
  if (event.type === 'UserTokensRevoked') {
    // Past the last revocation's second, since tokens issued after it carry that second: the
    // new one must refuse them too. It also covers every single token logged out before it.
    const pastLast = tokens.validAfter > 0 ? earliestIssuedAt(tokens) * 1000 + 1 : 0;
    return { validAfter: Math.max(at, pastLast), revoked: {} };
  }
  // Tokens expired by now are refused anyway: forgetting them keeps the list bounded.
  const revoked = Object.fromEntries(
    Object.entries(tokens.revoked).filter(([, expiresAt]) => expiresAt > at),
  );
  return { ...tokens, revoked: { ...revoked, [event.data.jti]: event.data.expiresAt } };
}

/**
 * Whether a token is revoked, from its `iat` (epoch seconds, as JWTs carry it) and `jti`.
 * `iat` has whole seconds only, so the revocation counts from the next whole second: a token of
 * the revocation's own second is refused, and new ones are issued from then on.
 */
export function isTokenRevoked(
  tokens: TokenRevocations | undefined,
  claims: { iat: number; jti: string },
): boolean {
  if (!tokens) return false;
  return claims.iat < earliestIssuedAt(tokens) || Object.hasOwn(tokens.revoked, claims.jti);
}

/** The earliest `iat` (epoch seconds) a token issued now may carry to outlive the revocations. */
export function earliestIssuedAt(tokens: TokenRevocations | undefined): number {
  return Math.ceil((tokens?.validAfter ?? 0) / 1000);
}
