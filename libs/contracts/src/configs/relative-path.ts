import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { type Presence, Str, Strs, describeValue } from './rules';

/**
 * What is wrong with `path` as a path inside the folder the agent gives a resource, if
 * anything. Empty is fine: it means the default. `~` is refused because these paths reach a
 * shell (`cd <path> && ...`), which would expand it.
 */
export function relativePathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string')
    return `must be a relative path string (got ${describeValue(path)})`;
  if (path.includes('\0')) return 'must not contain NUL characters';
  if (/^([/\\~]|[A-Za-z]:)/.test(path))
    return `must be a relative path, not absolute (got "${path}")`;
  if (path.split(/[/\\]/).includes('..')) return `must not contain '..' segments (got "${path}")`;
  return undefined;
}

function problemOf(value: unknown): string | undefined {
  if (!Array.isArray(value)) return relativePathProblem(value);
  for (let i = 0; i < value.length; i++) {
    const problem = relativePathProblem(value[i]);
    if (problem) return `[${i}] ${problem}`;
  }
  return undefined;
}

/**
 * A path relative to the resource's folder that cannot climb out of it: not absolute, no `..`
 * segment. On an array, every item is checked and the first bad one is named by index.
 */
export function IsRelativeSafePath(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRelativeSafePath',
      validator: {
        validate: (value: unknown) => problemOf(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => {
          const problem = problemOf(args?.value) ?? 'must be a safe relative path';
          return `${args?.property ?? 'path'}${problem.startsWith('[') ? '' : ' '}${problem}`;
        },
      },
    },
    options,
  );
}

/** A string field holding such a path. */
export function Path(options?: Presence): PropertyDecorator {
  return Str(options, IsRelativeSafePath());
}

/** An optional list of such paths. */
export function Paths(): PropertyDecorator {
  return Strs(IsRelativeSafePath());
}
