import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { toRpcException, type BusErrorShape } from './bus-error';

/**
 * Answers every failure of a bus handler as `{ code, message, details }`. Without it Nest
 * answers anything but an RpcException as "Internal server error", a ValidationPipe's
 * BadRequestException included.
 */
@Catch()
export class BusExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(BusExceptionFilter.name);

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    const error = toRpcException(exception);
    // The caller gets the message only; the stack of an unexpected failure stays in our log.
    if (error.code === 'INTERNAL' && !(exception instanceof RpcException)) {
      this.logger.error(error.message, exception instanceof Error ? exception.stack : undefined);
    }
    return throwError((): BusErrorShape => error.toJSON());
  }
}
