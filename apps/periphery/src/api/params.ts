import * as v from 'valibot';
import { PeripheryError } from './periphery-error';

/** A request's params schema: valibot, one issue per field (the first rule it fails). */
export type ParamsSchema = v.GenericSchema;

/**
 * The params of request `name`, checked against its schema; refused (400) naming each bad field
 * and why: `GetContainerLog: tail must not be greater than 5000`. Values are never echoed: a
 * bad field may hold a secret.
 */
export function parseParams<S extends ParamsSchema>(
  name: string,
  schema: S,
  input: unknown,
): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  const trace = [...new Set(result.issues.map(describeIssue))];
  throw new PeripheryError('VALIDATION', `${name}: ${trace.join('; ')}`, trace);
}

/** `field why`, in the words class-validator used, which clients and tests already read. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const field = (issue.path ?? []).map((step) => String(step.key)).join('.') || 'params';
  const last = issue.path?.at(-1);
  if (issue.type === 'strict_object' && last?.origin === 'key') {
    return issue.expected === 'never' ? `unknown field '${field}'` : `${field} is required`;
  }
  return `${field} ${why(issue)}`;
}

function why(issue: v.BaseIssue<unknown>): string {
  const requirement = 'requirement' in issue ? issue.requirement : undefined;
  const plural = Array.isArray(issue.input) ? 'items' : 'characters';
  switch (issue.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return `must be a ${issue.type}`;
    case 'array':
      return 'must be an array';
    case 'strict_object':
    case 'object':
      return 'must be an object';
    case 'picklist':
      return `must be one of ${(issue.expected ?? '').replace(/^\(|\)$/g, '')}`;
    case 'integer':
      return 'must be an integer';
    case 'min_value':
      return `must not be less than ${String(requirement)}`;
    case 'max_value':
      return `must not be greater than ${String(requirement)}`;
    case 'min_length':
      return requirement === 1
        ? 'must not be empty'
        : `must hold at least ${String(requirement)} ${plural}`;
    case 'max_length':
      return `must hold at most ${String(requirement)} ${plural}`;
    default:
      // Rules of our own (regex, custom, check) carry their message.
      return issue.message;
  }
}

/**
 * A field checked by a rule of our own that says what is wrong with a value (any value), or
 * undefined when it is right; its type is `T` once the rule passed.
 */
export function byRule<T>(problem: (value: unknown) => string | undefined) {
  return v.custom<T>(
    (value) => problem(value) === undefined,
    (issue) => problem(issue.input) ?? 'is invalid',
  );
}

/** The params of a request that takes none. */
export const NO_PARAMS = v.strictObject({});
