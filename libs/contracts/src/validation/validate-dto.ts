import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { invalid } from '@monitor/domain';
import { findJsonProblem, type JsonLimits } from './json-limits';

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
  const tooLarge = findJsonProblem(input, BACKSTOP_LIMITS);
  if (tooLarge) {
    const field = tooLarge.field === 'body' ? 'params' : tooLarge.field;
    return { ok: false, errors: [{ field, message: `${field}: ${tooLarge.message}` }] };
  }
  const reserved = findReservedKey(input);
  if (reserved)
    return { ok: false, errors: [{ field: reserved, message: `unknown field '${reserved}'` }] };
  const value = plainToInstance(dto, input, { enableImplicitConversion: false });
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
  });
  if (errors.length) return { ok: false, errors: flatten(errors) };
  return { ok: true, value };
}

/**
 * What no input may exceed, whatever its path: the HTTP servers check their own (tighter) limits
 * on bodies, this also holds for WebSocket messages and bus requests. Class-transformer recurses
 * per level and is slow per value: deeper input overflows the stack, larger input holds the loop.
 */
export const BACKSTOP_LIMITS: JsonLimits = { maxDepth: 128, maxKeys: 20_000 };

/**
 * Keys no DTO declares and class-transformer reads as the class's own machinery: `constructor`
 * breaks the transform (a 500), `__proto__` is skipped by the unknown-field check. Refused
 * wherever they are, before the transform sees them.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function findReservedKey(input: object): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) return field;
      stack.push({ value: item, path: field });
    }
  }
  return undefined;
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

/** validateDto for service edges: the value, or a VALIDATION error naming every bad field. */
export function requireValid<T extends object>(dto: new () => T, input: unknown): T {
  const result = validateDto(dto, input);
  if (!result.ok) throw invalid(describeProblems(result.errors), { errors: result.errors });
  return result.value;
}

export function describeProblems(errors: FieldProblem[]): string {
  return errors
    .map((e) => (e.message.startsWith(e.field) ? e.message : `${e.field}: ${e.message}`))
    .join('; ');
}
