import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsOptional,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';

/*
 * Each rule reports one readable problem, "<property> <problem>"; validateConfig swaps the
 * property for its dotted path. Type and range live in one rule, because class-validator's
 * `stopAtFirstError` runs constraints in registration order, which decorators make easy to
 * get backwards.
 */

type Problem = string | undefined;
type Class = new () => object;

const I32_MAX = 2 ** 31 - 1;

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Any non-array object: after class-transformer, nested values are class instances. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A class-validator constraint from a function naming what is wrong, or nothing. */
export function rule(name: string, problem: (value: unknown) => Problem): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => problem(value) === undefined,
      defaultMessage: (args?: ValidationArguments) => {
        const text = problem(args?.value) ?? 'is invalid';
        // "[2] must be..." and ".key must be..." attach to the property: "links[2] must be..."
        return `${args?.property ?? 'value'}${/^[[.]/.test(text) ? '' : ' '}${text}`;
      },
    },
  });
}

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export interface Presence {
  /** Inside list items some fields are required, as in Komodo; config fields never are. */
  required?: boolean;
}

function presence(options: Presence | undefined): PropertyDecorator {
  return options?.required ? IsDefined({ message: '$property is required' }) : IsOptional();
}

export const stringProblem = (v: unknown): Problem =>
  typeof v === 'string' ? undefined : `must be a string (got ${describeValue(v)})`;

export function Str(options?: Presence, extra?: PropertyDecorator): PropertyDecorator {
  return compose(presence(options), rule('string', stringProblem), ...(extra ? [extra] : []));
}

export function Bool(options?: Presence): PropertyDecorator {
  return compose(
    presence(options),
    rule('boolean', (v) =>
      typeof v === 'boolean' ? undefined : `must be a boolean (got ${describeValue(v)})`,
    ),
  );
}

function rangeProblem(v: number, min: number, max: number): Problem {
  if (v >= min && v <= max) return undefined;
  // Fields without a stated maximum are still Komodo i32s; only name the bound that was crossed.
  if (max === I32_MAX)
    return v < min ? `must be at least ${min} (got ${v})` : `must be at most ${max} (got ${v})`;
  return `must be between ${min} and ${max} (got ${v})`;
}

export function intProblem(v: unknown, min: number, max = I32_MAX): Problem {
  if (typeof v !== 'number' || !Number.isInteger(v))
    return `must be an integer (got ${describeValue(v)})`;
  return rangeProblem(v, min, max);
}

export function Int(min: number, max = I32_MAX, options?: Presence): PropertyDecorator {
  return compose(
    presence(options),
    rule('int', (v) => intProblem(v, min, max)),
  );
}

export const Port = (): PropertyDecorator => Int(1, 65535);

export function Num(min: number, max: number): PropertyDecorator {
  return compose(
    IsOptional(),
    rule('number', (v) =>
      typeof v === 'number' && Number.isFinite(v)
        ? rangeProblem(v, min, max)
        : `must be a number (got ${describeValue(v)})`,
    ),
  );
}

/** Checks a list and names the first bad item by its index. */
export function listProblem(v: unknown, what: string, item: (x: unknown) => Problem): Problem {
  if (!Array.isArray(v)) return `must be an array of ${what} (got ${describeValue(v)})`;
  for (let i = 0; i < v.length; i++) {
    const problem = item(v[i]);
    if (problem) return `[${i}] ${problem}`;
  }
  return undefined;
}

export function Strs(extra?: PropertyDecorator): PropertyDecorator {
  return compose(
    IsOptional(),
    rule('strings', (v) => listProblem(v, 'strings', stringProblem)),
    ...(extra ? [extra] : []),
  );
}

export function Ints(min: number): PropertyDecorator {
  return compose(
    IsOptional(),
    rule('ints', (v) => listProblem(v, 'integers', (x) => intProblem(x, min))),
  );
}

function oneOfProblem(values: readonly string[], v: unknown): Problem {
  return typeof v === 'string' && values.includes(v)
    ? undefined
    : `must be one of ${values.join(', ')} (got ${describeValue(v)})`;
}

export function OneOf(values: readonly string[], options?: Presence): PropertyDecorator {
  return compose(
    options?.required
      ? IsDefined({ message: `$property is required: one of ${values.join(', ')}` })
      : IsOptional(),
    IsIn([...values], {
      message: (args) => `${args.property} ${oneOfProblem(values, args.value)}`,
    }),
  );
}

export function OneOfEach(values: readonly string[]): PropertyDecorator {
  return compose(
    IsOptional(),
    rule('oneOfEach', (v) => listProblem(v, 'strings', (x) => oneOfProblem(values, x))),
  );
}

export function StrRecord(): PropertyDecorator {
  return compose(
    IsOptional(),
    rule('stringRecord', (v) => {
      if (!isRecord(v)) return `must be an object of strings (got ${describeValue(v)})`;
      const bad = Object.entries(v).find(([, x]) => typeof x !== 'string');
      return bad ? `.${bad[0]} must be a string (got ${describeValue(bad[1])})` : undefined;
    }),
  );
}

export const objectProblem = (v: unknown): Problem =>
  isRecord(v) ? undefined : `must be an object (got ${describeValue(v)})`;

/** An open object, e.g. execution params, checked by whoever runs it. */
export function Obj(options?: Presence): PropertyDecorator {
  return compose(presence(options), rule('object', objectProblem));
}

export function Nested(cls: () => Class, options?: Presence): PropertyDecorator {
  return compose(presence(options), rule('object', objectProblem), ValidateNested(), Type(cls));
}

export function NestedList(cls: () => Class): PropertyDecorator {
  return compose(
    IsOptional(),
    rule('objects', (v) => listProblem(v, 'objects', objectProblem)),
    ValidateNested({ each: true }),
    Type(cls),
  );
}
