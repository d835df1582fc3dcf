import { invalid } from '../shared/domain-error';

/** One problem in a Deployment's config, as `validateDeploymentConfig` returns it. */
export interface DeploymentFieldError {
  /** The config field: `environment`, `ports`, `custom_name`, ... */
  field: string;
  /** 1-based line of a multi-line field. */
  line?: number;
  /** Complete sentence for people: `ports line 2: 70000 is not a port (1-65535)`. */
  message: string;
}

/** What a field parser found: its output, and every problem rather than only the first. */
export interface FieldResult<T> {
  value: T;
  errors: DeploymentFieldError[];
}

/**
 * Why one line (or one field) is wrong. Thrown inside the parsers and caught by the collectors,
 * which add the field and the line; it never leaves this folder.
 */
export class LineProblem extends Error {}

export function problem(reason: string): never {
  throw new LineProblem(reason);
}

export function fieldError(field: string, reason: string, line?: number): DeploymentFieldError {
  if (line === undefined) return { field, message: `${field}: ${reason}` };
  return { field, line, message: `${field} line ${line}: ${reason}` };
}

/** Runs `check`, turning a LineProblem into an error of `field` (other errors pass through). */
export function attempt<T>(
  errors: DeploymentFieldError[],
  field: string,
  line: number | undefined,
  check: () => T,
): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof LineProblem)) throw error;
    errors.push(fieldError(field, error.message, line));
    return undefined;
  }
}

/** Line order, whichever check found each problem (sort is stable). */
export function byLine(errors: DeploymentFieldError[]): DeploymentFieldError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The 400 for a parser used on its own: every message, and the list in the details. */
export function orThrow<T>({ value, errors }: FieldResult<T>): T {
  if (errors.length) {
    throw invalid(errors.map((e) => e.message).join('; '), { errors });
  }
  return value;
}

// The same syntax as variables/interpolate.ts: `[[NAME]]`.
const REFERENCES = /\[\[[A-Za-z_][A-Za-z0-9_]*\]\]/g;

export function hasReference(text: string): boolean {
  return text.replace(REFERENCES, '') !== text;
}

/** A line that is nothing but references may expand to anything: only the expansion can be checked. */
export function onlyReferences(text: string): boolean {
  return hasReference(text) && text.replace(REFERENCES, '').trim() === '';
}

/** Each reference replaced by `by`, to check what surrounds it. */
export function replaceReferences(text: string, by: string): string {
  return text.replace(REFERENCES, by);
}
