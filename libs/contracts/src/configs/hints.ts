import { Type } from 'class-transformer';
import { IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { OneOf, isRecord, objectProblem, rule } from './rules';

/*
 * What the strict check needs beyond class-validator: that a params object is read as one union
 * variant, and which canonical field a Komodo serde alias (`server = ...`) stands for.
 */

type Class = new () => object;

const variantClasses = new WeakSet<object>();
const aliasesOfClass = new WeakMap<object, Record<string, string>>();

/** Whether instances of `cls` are the params of a tagged union. */
export function isVariantClass(cls: object): boolean {
  return variantClasses.has(cls);
}

/** The aliases of `cls`, by alias: the field each stands for. */
export function aliasesOf(cls: object): Record<string, string> | undefined {
  return aliasesOfClass.get(cls);
}

/** Komodo's serde aliases: accepted as Komodo accepts them, stored as the field they stand for. */
export function KomodoAliases(aliases: Record<string, string>): ClassDecorator {
  return (target) => {
    aliasesOfClass.set(target, aliases);
  };
}

/** The `type` of a Komodo tagged union `{ type, params }`. */
export function Tag(variants: Record<string, Class>): PropertyDecorator {
  return OneOf(Object.keys(variants), { required: true });
}

/**
 * The `params` of a tagged union, validated as the class its sibling `type` names. With an
 * unknown `type` only that error is reported: guessing at params would bury it.
 */
export function Params(variants: Record<string, Class>): PropertyDecorator {
  for (const cls of Object.values(variants)) variantClasses.add(cls);
  const known = (o: { type?: unknown }) =>
    typeof o.type === 'string' && Object.hasOwn(variants, o.type);
  return (target, key) => {
    ValidateIf(known)(target, key);
    IsOptional()(target, key);
    rule('object', objectProblem)(target, key);
    ValidateNested()(target, key);
    Type((help) => {
      const source: unknown = help?.object;
      return isRecord(source) && known(source) ? variants[source.type as string] : Object;
    })(target, key);
  };
}
