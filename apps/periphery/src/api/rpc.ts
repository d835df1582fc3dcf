import { PeripheryError } from './periphery-error';
import type { RequestRegistry } from './request-registry';

/**
 * Komodo's periphery shape: `POST /` with `{ type, params }`. The request is found by `type`,
 * its params validated by its schema, then handled. Access was checked before the body was read.
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
  return definition.call(params ?? {});
}

/** A name echoed back in an error stays readable even when a client sent something huge. */
function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}
