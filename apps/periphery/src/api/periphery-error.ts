/** What each error code answers over HTTP. */
export const PERIPHERY_ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  DOCKER: 502,
  DOCKER_UNAVAILABLE: 503,
} as const;

export type PeripheryErrorCode = keyof typeof PERIPHERY_ERROR_STATUS;

/**
 * A failure answered as Komodo's periphery does, `{ error, trace }` with a status, plus `code`
 * so the core can react without parsing the message. The status follows from the code.
 */
export class PeripheryError extends Error {
  readonly status: number;

  constructor(
    readonly code: PeripheryErrorCode,
    message: string,
    readonly trace: string[] = [],
  ) {
    super(message);
    this.name = 'PeripheryError';
    this.status = PERIPHERY_ERROR_STATUS[code];
  }

  body(): { error: string; trace: string[]; code: PeripheryErrorCode } {
    return { error: this.message, trace: this.trace, code: this.code };
  }
}
