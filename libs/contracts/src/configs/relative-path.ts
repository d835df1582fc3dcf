import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { relativePathProblem as pathProblem } from '@monitor/domain';
import { type Presence, Str, Strs, describeValue } from './rules';

/** What is wrong with `path` as a path inside a resource's folder (the domain's rule), if anything. */
export function relativePathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string')
    return `must be a relative path string (got ${describeValue(path)})`;
  return pathProblem(path);
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
 * segment, nothing inside `.git`. On an array, every item is checked and the first bad one is named by index.
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
