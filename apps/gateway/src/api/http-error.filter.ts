import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, toApiError } from './api-error';

/** Every failure of an HTTP route, as `{ error, trace, code }` with the error's status. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gateway');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = exception instanceof HttpException ? fromHttp(exception) : toApiError(exception);
    if (error.status >= 500) this.logger.error(error.message, (exception as Error)?.stack);
    response.status(error.status).json(errorBody(error));
  }
}

export function errorBody(error: ApiError) {
  const trace = traceOf(error.details);
  return { error: error.message, trace, code: error.code };
}

function traceOf(details: unknown): string[] {
  const errors = (details as { errors?: { field: string; message: string }[] } | undefined)?.errors;
  if (Array.isArray(errors)) return errors.map((e) => `${e.field}: ${e.message}`);
  const referrers = (details as { referrers?: { kind: string; name: string; field: string }[] })
    ?.referrers;
  if (Array.isArray(referrers)) return referrers.map((r) => `${r.kind} '${r.name}' (${r.field})`);
  return [];
}

function fromHttp(exception: HttpException): ApiError {
  const status = exception.getStatus();
  const body = exception.getResponse() as { message?: unknown } | string;
  const message =
    typeof body === 'string'
      ? body
      : Array.isArray(body.message)
        ? body.message.join('; ')
        : String(body.message ?? exception.message);
  return new ApiError(
    status,
    message,
    status === 404 ? 'NOT_FOUND' : status < 500 ? 'VALIDATION' : 'INTERNAL',
  );
}
