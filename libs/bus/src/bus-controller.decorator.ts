import { applyDecorators, Controller, UseFilters, UsePipes } from '@nestjs/common';
import { BusExceptionFilter } from './bus-exception.filter';
import { busValidationPipe } from './bus-validation.pipe';

/**
 * `@Controller()` for bus handlers, with BusExceptionFilter and busValidationPipe bound to the
 * class. Bound here rather than as global enhancers, the error shape does not depend on how
 * an app is booted: a microservice connected to a hybrid app does not inherit the app's
 * global enhancers, and ignores its own once its listeners are registered.
 */
export function BusController(): ClassDecorator {
  return applyDecorators(
    Controller(),
    UseFilters(new BusExceptionFilter()),
    UsePipes(busValidationPipe()),
  );
}
