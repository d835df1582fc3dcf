/** The HTTP status the gateway answers for each code. */
export const AUTH_ERROR_HTTP_STATUS = {
  INVALID_CREDENTIALS: 401,
  TOKEN_MALFORMED: 401,
  TOKEN_BAD_SIGNATURE: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_ALG: 401,
  TOKEN_FUTURE_IAT: 401,
  RATE_LIMITED: 429,
  WEAK_PASSWORD: 400,
} as const;

export type AuthErrorCode = keyof typeof AUTH_ERROR_HTTP_STATUS;
export type AuthErrorStatus = (typeof AUTH_ERROR_HTTP_STATUS)[AuthErrorCode];

/**
 * A refused authentication. The status is derived from the code so the gateway cannot answer
 * a weak password with 401 or a rate limit with 400 by mistake.
 */
export class AuthError extends Error {
  readonly status: AuthErrorStatus;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** For RATE_LIMITED: what the gateway puts in `Retry-After`. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AuthError';
    this.status = AUTH_ERROR_HTTP_STATUS[code];
  }
}
