import { signedUp as signedUpFixture, users } from './identity.fixtures';
import { evolveUser, type UserState } from './user';
import { earliestIssuedAt, isTokenRevoked, type TokenRevocations } from './user-tokens';
import { usernameKey } from './username';

const signedUp = signedUpFixture(true);
const at = Date.UTC(2026, 0, 1, 12, 0, 0, 500);
const second = Math.floor(at / 1000);

function tokensAfter(events: { type: string; data: unknown }[]): TokenRevocations | undefined {
  const state = [signedUp, ...events].reduce(evolveUser, { status: 'Empty' } as UserState);
  if (state.status !== 'Active') throw new Error('no user');
  return state.user.tokens;
}

describe('user tokens', () => {
  it('a password change revokes the tokens issued before it', () => {
    users
      .given([signedUp])
      .when({ type: 'ChangePassword', passwordHash: 'h2', at })
      .then([
        { type: 'UserPasswordChanged', data: { passwordHash: 'h2' } },
        { type: 'UserTokensRevoked', data: { at, reason: 'PasswordChanged' } },
      ]);
  });
  it('logs out one token by its id, or every token', () => {
    users
      .given([signedUp])
      .when({ type: 'LogOut', jti: 'j1', expiresAt: at + 60_000, at })
      .then([{ type: 'UserTokenRevoked', data: { jti: 'j1', expiresAt: at + 60_000, at } }]);
    users
      .given([signedUp])
      .when({ type: 'LogOutEverywhere', at })
      .then([{ type: 'UserTokensRevoked', data: { at, reason: 'LoggedOutEverywhere' } }]);
    users
      .given([signedUp])
      .when({ type: 'LogOut', jti: '', expiresAt: 1, at })
      .thenFails('VALIDATION');
    users.given([signedUp]).when({ type: 'LogOutEverywhere', at: 0 }).thenFails('VALIDATION');
    users.given([]).when({ type: 'LogOutEverywhere', at }).thenFails('NOT_FOUND');
  });
  it('refuses tokens of the revocation second and before, and none issued from the next', () => {
    const tokens = tokensAfter([
      { type: 'UserTokensRevoked', data: { at, reason: 'PasswordChanged' } },
    ]);
    expect(tokens?.validAfter).toBe(at);
    expect(isTokenRevoked(tokens, { iat: second, jti: 'a' })).toBe(true);
    expect(isTokenRevoked(tokens, { iat: second - 3600, jti: 'b' })).toBe(true);
    expect(earliestIssuedAt(tokens)).toBe(second + 1);
    expect(isTokenRevoked(tokens, { iat: second + 1, jti: 'c' })).toBe(false);
    expect(isTokenRevoked(undefined, { iat: 0, jti: 'd' })).toBe(false);
  });
  it('a second revocation in the same second still refuses the tokens issued between them', () => {
    const first = { type: 'UserTokensRevoked', data: { at, reason: 'PasswordChanged' } };
    const between = earliestIssuedAt(tokensAfter([first]));
    const tokens = tokensAfter([
      first,
      { type: 'UserTokensRevoked', data: { at: at + 100, reason: 'LoggedOutEverywhere' } },
    ]);
    expect(isTokenRevoked(tokens, { iat: between, jti: 'x' })).toBe(true);
    expect(isTokenRevoked(tokens, { iat: earliestIssuedAt(tokens), jti: 'y' })).toBe(false);
  });
  it('remembers a logged-out token until it expires, then forgets it', () => {
    const tokens = tokensAfter([
      { type: 'UserTokenRevoked', data: { jti: 'old', expiresAt: at + 1000, at } },
      { type: 'UserTokenRevoked', data: { jti: 'new', expiresAt: at + 9000, at: at + 10 } },
    ]);
    expect(isTokenRevoked(tokens, { iat: second, jti: 'old' })).toBe(true);
    expect(isTokenRevoked(tokens, { iat: second, jti: 'other' })).toBe(false);
    const later = tokensAfter([
      { type: 'UserTokenRevoked', data: { jti: 'old', expiresAt: at + 1000, at } },
      { type: 'UserTokenRevoked', data: { jti: 'new', expiresAt: at + 9000, at: at + 2000 } },
    ]);
    expect(Object.keys(later?.revoked ?? {})).toEqual(['new']);
  });
});

describe('usernameKey', () => {
  it('folds case and compatibility forms', () => {
    expect(usernameKey('Admin')).toBe(usernameKey('admin'));
    expect(usernameKey('ＡＤＭＩＮ')).toBe('admin');
    expect(usernameKey('alice')).not.toBe(usernameKey('alicia'));
  });
});
