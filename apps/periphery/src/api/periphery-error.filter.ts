import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { PeripheryError } from './periphery-error';

/** Every failure of a route, as `{ error, trace, code }` with the error's status. */
@Catch()
export class PeripheryErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Periphery');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = toPeripheryError(exception);
    if (error.status >= 500) {
      this.logger.error(error.message, exception instanceof Error ? exception.stack : undefined);
    }
    response.status(error.status).json(error.body());
  }
}

function toPeripheryError(exception: unknown): PeripheryError {
  if (exception instanceof PeripheryError) return exception;
  if (exception instanceof HttpException) {
    // Nest's own refusals: an unknown path or method is the only one routes can produce here.
    const status = exception.getStatus();
    if (status === 404)
      return new PeripheryError('NOT_FOUND', `${exception.message}: the agent answers POST /`);
    if (status < 500) return new PeripheryError('VALIDATION', exception.message);
  }
  return new PeripheryError(
    'INTERNAL',
    `internal error: ${exception instanceof Error ? exception.message : String(exception)}`,
  );
}
