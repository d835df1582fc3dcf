import { validateDto, type FieldProblem } from '@monitor/contracts';
import { PeripheryError } from './periphery-error';
import type { RequestRegistry } from './request-registry';

/**
 * Komodo's periphery shape: `POST /` with `{ type, params }`. The request is found by `type`,
 * its params validated by its DTO, then handled. Access was checked before the body was read.
 */
export async function dispatch(registry: RequestRegistry, body: unknown): Promise<unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PeripheryError('VALIDATION', 'request body must be a JSON object { type, params }');
  }
  const { type, params } = body as { type?: unknown; params?: unknown };
  if (typeof type !== 'string' || !type) {
    throw new PeripheryError(
      'VALIDATION',
      'type: the request name is missing (a string such as "GetHealth")',
    );
  }
  const definition = registry.find(type);
  if (!definition) {
    throw new PeripheryError(
      'NOT_FOUND',
      `unknown request '${clip(type)}': this agent does not answer it`,
    );
  }
  const validated = validateDto(definition.dto, params ?? {});
  if (!validated.ok) {
    const trace = oneProblemPerField(validated.errors).map((e) =>
      e.message.includes(e.field) ? e.message : `${e.field}: ${e.message}`,
    );
    throw new PeripheryError('VALIDATION', `${type}: ${trace.join('; ')}`, trace);
  }
  return definition.handle(validated.value);
}

/**
 * class-validator reports every failed rule of a field, the type rule last ("tail must not be
 * greater than 5000; ...; tail must be an integer number"): one line per field, the type rule,
 * says it better.
 */
function oneProblemPerField(errors: FieldProblem[]): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  for (const error of errors) byField.set(error.field, error);
  return [...byField.values()];
}

/** A name echoed back in an error stays readable even when a client sent something huge. */
function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}
