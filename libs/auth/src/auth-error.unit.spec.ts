import { AuthError } from './auth-error';

describe('AuthError', () => {
  it('derives the HTTP status from the code', () => {
    expect(new AuthError('TOKEN_EXPIRED', 'x').status).toBe(401);
    expect(new AuthError('INVALID_CREDENTIALS', 'x').status).toBe(401);
    expect(new AuthError('WEAK_PASSWORD', 'x').status).toBe(400);
    expect(new AuthError('RATE_LIMITED', 'x', 1500).status).toBe(429);
  });
  it('is an Error carrying code, message and retry delay', () => {
    const err = new AuthError('RATE_LIMITED', 'too many attempts', 1500);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'AuthError', code: 'RATE_LIMITED', retryAfterMs: 1500 });
    expect(err.message).toBe('too many attempts');
  });
});
