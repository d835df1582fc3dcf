import { Strs, listProblem, rule } from './rules';

/** A host folder as a policy names it: absolute, with no `.` or `..` step to read twice. */
function absolutePathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return 'must be an absolute path string';
  if (!path.startsWith('/')) return `must be an absolute path (got "${path}")`;
  if (path.includes('\0')) return 'must not contain NUL characters';
  if (path.split('/').some((step) => step === '.' || step === '..'))
    return `must not contain '.' or '..' steps (got "${path}")`;
  return undefined;
}

/** An optional list of absolute host paths; the first bad one is named by index. */
export function AbsolutePaths(): PropertyDecorator {
  return Strs(rule('absolutePaths', (v) => listProblem(v, 'paths', absolutePathProblem)));
}
