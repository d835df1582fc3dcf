import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BusError } from './bus-error';

/** One broken rule of a payload, with the dotted path of its field (`config.image`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Validates the `@Payload()` DTO of a bus handler (Nest reports a payload to pipes as 'body'
 * and `@Ctx()` as 'custom', which ValidationPipe skips): unknown fields are refused, and a
 * failure is answered as VALIDATION with the field errors in `details`. The exception factory
 * matters: Nest answers the pipe's usual BadRequestException as "Internal server error".
 */
export function busValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const fields = fieldErrors(errors);
      const messages = fields.map((error) => error.message).join('; ');
      return new BusError('VALIDATION', `invalid payload: ${messages}`, fields);
    },
  });
}

function fieldErrors(errors: ValidationError[], parent?: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === undefined ? error.property : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
