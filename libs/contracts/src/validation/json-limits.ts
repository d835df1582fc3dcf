/** How large a parsed JSON body may be before anything looks at its meaning. */
export interface JsonLimits {
  /** Nesting of objects and arrays; the body itself is level 1. */
  maxDepth: number;
  /** Object keys and array items in the whole body, at every level. */
  maxKeys: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxKeys: 10_000 };

export interface JsonProblem {
  /** Where, as a dotted path from the body (`config.ports.0`), or `body` for the whole. */
  field: string;
  message: string;
}

/** The character a decoder puts where bytes were not UTF-8. */
const REPLACEMENT = '\uFFFD';
/** Half a surrogate pair, which JSON can escape (`"\ud800"`) but no UTF-8 can encode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_SHOWN_STEP = 40;
const MAX_SHOWN_PATH = 200;

/**
 * The first reason a parsed JSON body must be refused before validation: too deep, too many
 * keys and array items, a number JSON.parse turned into ±Infinity (`1e309`), half a surrogate
 * pair (`"\ud800"`), or, when the raw bytes were not UTF-8 (`invalidUtf8`), the string the
 * decoder patched. The walk is iterative, so depth costs no stack, and it stops at the first
 * problem, so its work is bounded by the limits.
 */
export function findJsonProblem(
  body: unknown,
  limits: JsonLimits,
  invalidUtf8 = false,
): JsonProblem | undefined {
  const stack: Step[] = [{ value: body, depth: 0 }];
  let keys = 0;
  while (stack.length) {
    const step = stack.pop()!;
    const { value, depth } = step;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return { field: pathOf(step), message: 'is not a finite number (too large for JSON)' };
    }
    if (typeof value === 'string') {
      const problem = textProblem(value, invalidUtf8);
      if (problem) return { field: pathOf(step), message: problem };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.maxDepth) {
      return { field: pathOf(step), message: `is nested deeper than ${limits.maxDepth} levels` };
    }
    const entries = Array.isArray(value) ? [] : Object.entries(value);
    keys += Array.isArray(value) ? value.length : entries.length;
    if (keys > limits.maxKeys) {
      return { field: 'body', message: `has more than ${limits.maxKeys} keys and items in all` };
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        stack.push({ value: item, depth: depth + 1, key: String(index), parent: step }),
      );
      continue;
    }
    for (const [key, item] of entries) {
      const child = { value: item, depth: depth + 1, key, parent: step };
      const problem = textProblem(key, invalidUtf8);
      if (problem) return { field: pathOf(child), message: `(a key) ${problem}` };
      stack.push(child);
    }
  }
  return invalidUtf8 ? { field: 'body', message: 'is not valid UTF-8' } : undefined;
}

/** A value met on the walk, linked to its parent so a path is built only when reported. */
interface Step {
  value: unknown;
  depth: number;
  key?: string;
  parent?: Step;
}

/** `field: message`, as every other validation error reads. */
export function describeJsonProblem(problem: JsonProblem): string {
  return `${problem.field}: ${problem.message}`;
}

function textProblem(text: string, invalidUtf8: boolean): string | undefined {
  if (invalidUtf8 && text.includes(REPLACEMENT)) return 'is not valid UTF-8';
  if (LONE_SURROGATE.test(text)) return 'holds half a surrogate pair, which is not valid Unicode';
  return undefined;
}

function pathOf(step: Step): string {
  const path: string[] = [];
  for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  if (path.length === 0) return 'body';
  const shown = path
    .map((step) => (step.length > MAX_SHOWN_STEP ? `${step.slice(0, MAX_SHOWN_STEP)}…` : step))
    .join('.');
  return shown.length > MAX_SHOWN_PATH ? `${shown.slice(0, MAX_SHOWN_PATH)}…` : shown;
}
