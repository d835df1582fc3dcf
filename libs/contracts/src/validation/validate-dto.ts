import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export interface FieldProblem {
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

/** Class-validator at a boundary: unknown fields, wrong types and missing fields are errors. */
export function validateDto<T extends object>(dto: new () => T, input: unknown): Validated<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'params', message: 'params must be a JSON object' }] };
  }
  const value = plainToInstance(dto, input, { enableImplicitConversion: false });
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
  });
  if (errors.length) return { ok: false, errors: flatten(errors) };
  return { ok: true, value };
}

export function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `unknown field '${field}'` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
