import { BUS_ERROR_HTTP_STATUS, isBusErrorCode } from '@monitor/bus';

/** An error answered over HTTP as Komodo does: `{ error, trace }` with a status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Domain and bus errors keep their meaning over HTTP; anything else is a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { code, message, details } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
  };
  if (isBusErrorCode(code))
    return new ApiError(BUS_ERROR_HTTP_STATUS[code], String(message), code, details);
  return new ApiError(500, typeof message === 'string' ? message : 'internal error', 'INTERNAL');
}
