import {
  attempt,
  byLine,
  hasReference,
  orThrow,
  problem,
  replaceReferences,
  type FieldResult,
} from './errors';
import { collectKeyValueLines, type LineOptions } from './multiline';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** POSIX's portable names: what every shell and `env` accept, so what a process can read back. */
export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

/**
 * The environment as Docker's `Env`: `KEY=value` strings in the order written. A key given twice
 * is kept twice; Docker (like `docker run --env` in Komodo) lets the last one win.
 */
export function collectEnvironment(
  text: string,
  field = 'environment',
  options: LineOptions = {},
): FieldResult<string[]> {
  const { value: lines, errors } = collectKeyValueLines(text, field, options);
  const value: string[] = [];
  for (const { key, value: v, line } of lines) {
    // At write time `[[PREFIX]]_HOST` is judged by what surrounds the reference.
    const name = options.lenientReferences && hasReference(key) ? replaceReferences(key, 'X') : key;
    const ok = attempt(errors, field, line, () => {
      if (!isEnvName(name)) {
        problem(
          `'${key}' is not a valid variable name (letters, digits and '_', not starting with a digit)`,
        );
      }
      return true;
    });
    if (ok) value.push(`${key}=${v}`);
  }
  return { value, errors: byLine(errors) };
}

export function parseEnvironment(
  text: string,
  field = 'environment',
  options?: LineOptions,
): string[] {
  return orThrow(collectEnvironment(text, field, options));
}
