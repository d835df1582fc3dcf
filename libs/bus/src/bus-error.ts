import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';

export const BUS_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  'UNAVAILABLE',
  'TIMEOUT',
] as const;

export type BusErrorCode = (typeof BUS_ERROR_CODES)[number];

/** The HTTP status the gateway answers for each code. */
export const BUS_ERROR_HTTP_STATUS: Readonly<Record<BusErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** What crosses the bus for a failed request, on NATS and in-process alike. */
export interface BusErrorShape {
  code: BusErrorCode;
  message: string;
  details?: unknown;
}

export function isBusErrorCode(value: unknown): value is BusErrorCode {
  return typeof value === 'string' && (BUS_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * A failed bus request. It is an RpcException because Nest sends an RpcException's error
 * object as it is, so a BusError thrown by a handler reaches the caller intact even where
 * BusExceptionFilter is not applied; a BusError received from a call can be rethrown as is.
 */
export class BusError extends RpcException {
  constructor(
    readonly code: BusErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(details === undefined ? { code, message } : { code, message, details });
    this.name = 'BusError';
  }

  toJSON(): BusErrorShape {
    return this.getError() as BusErrorShape;
  }
}

/** The answer for a subject nobody listens to: NATS "no responders", or no in-process handler. */
export function noResponders(subject: string): BusError {
  return new BusError('UNAVAILABLE', `no handler for ${subject}`, { subject });
}

/** Reads an error as received from the bus (a `{ code, message, details }` object). */
export function busErrorFromWire(value: unknown): BusError {
  if (isRecord(value) && typeof value.message === 'string') {
    return isBusErrorCode(value.code)
      ? new BusError(value.code, value.message, value.details)
      : new BusError('INTERNAL', value.message);
  }
  return new BusError('INTERNAL', typeof value === 'string' ? value : 'internal error');
}

/**
 * Turns anything a handler throws into the BusError to answer with. Errors that carry a known
 * `code` (the domain's DomainError, for one) keep it; other errors become INTERNAL with their
 * message only: a stack never leaves the service.
 */
export function toRpcException(err: unknown): BusError {
  if (err instanceof BusError) return err;
  if (err instanceof RpcException) return busErrorFromWire(err.getError());
  if (err instanceof HttpException) return fromHttpException(err);
  if (err instanceof Error) {
    const { code, details } = err as Error & { code?: unknown; details?: unknown };
    return isBusErrorCode(code)
      ? new BusError(code, err.message, details)
      : new BusError('INTERNAL', err.message || 'internal error');
  }
  return new BusError('INTERNAL', 'internal error');
}

const CODE_OF_HTTP_STATUS = new Map<number, BusErrorCode>(
  Object.entries(BUS_ERROR_HTTP_STATUS).map(([code, status]) => [status, code as BusErrorCode]),
);

/**
 * Nest's own exceptions (a pipe's BadRequestException, a NotFoundException, ...) keep their
 * meaning; an unlisted 4xx is still the caller's fault, so VALIDATION. Class-validator's list
 * of messages goes to `details`.
 */
function fromHttpException(err: HttpException): BusError {
  const status = err.getStatus();
  const code = CODE_OF_HTTP_STATUS.get(status) ?? (status < 500 ? 'VALIDATION' : 'INTERNAL');
  const body = err.getResponse();
  const messages = isRecord(body) && Array.isArray(body.message) ? body.message : undefined;
  return messages
    ? new BusError(code, messages.join('; '), messages)
    : new BusError(code, err.message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
