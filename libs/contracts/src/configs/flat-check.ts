import {
  IS_OPTIONAL,
  getMetadataStorage,
  type MetadataStorage,
  type ValidatorConstraintInterface,
  ValidationTypes,
} from 'class-validator';
import { aliasesOf } from './hints';

/*
 * class-validator walks every field a config class declares, for every config it checks, and
 * looks the class's rules up again each time: most of what checking a config costs, though a
 * config gives a few of its fields. A config whose fields hold no nested class (`image`,
 * `pre_deploy`, lists of tables: those need class-transformer's instances) is judged here by
 * running the same rules on the plain values, as class-validator runs them. Only a pass is
 * answered from here: anything failing, or anything this does not know, is checked the full way,
 * so every error still comes from class-validator, worded as ever.
 */

type Metadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Condition = (object: object, value: unknown) => boolean;

/** A rule and its constraints (their instances looked up once: the container searches a list). */
interface Check {
  rule: Metadata;
  constraints: { async: boolean; instance: ValidatorConstraintInterface }[];
}

interface FieldRules {
  /** IsOptional, ValidateIf: the rules run only when each answers true. */
  conditions: Metadata[];
  /** IsDefined first, then the constraints, as class-validator runs them. */
  checks: Check[];
  /** A nested class or a rule kind not run here: the field is checked the full way when given. */
  nested: boolean;
  /** Its only condition is IsOptional: nothing runs while it is not given. */
  optional: boolean;
}

const RUN_HERE = new Set<string>([
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.WHITELIST,
]);

/** Rules are registered when their class is defined, before any config of it is checked. */
const rulesByClass = new WeakMap<object, Map<string, FieldRules>>();

/** What validateSync finds for an instance of `cls` (no groups, `always` off), by field. */
function rulesOf(cls: new () => object): Map<string, FieldRules> {
  let rules = rulesByClass.get(cls);
  if (rules) return rules;
  const storage = getMetadataStorage();
  const all = storage.getTargetValidationMetadatas(cls, undefined as never, false, false);
  const byField = storage.groupByPropertyName(all);
  rules = new Map();
  for (const [field, metadatas] of Object.entries(byField)) {
    const ofType = (type: string) => metadatas.filter((m) => m.type === type);
    const conditions = ofType(ValidationTypes.CONDITIONAL_VALIDATION);
    rules.set(field, {
      conditions,
      optional: conditions.length > 0 && conditions.every((c) => c.name === IS_OPTIONAL),
      checks: [
        ...ofType(ValidationTypes.IS_DEFINED),
        ...ofType(ValidationTypes.CUSTOM_VALIDATION),
      ].map((rule) => ({
        rule,
        constraints: storage
          .getTargetValidatorConstraints(rule.constraintCls)
          .map(({ async, instance }) => ({ async, instance })),
      })),
      nested: metadatas.some((m) => !RUN_HERE.has(m.type)),
    });
  }
  rulesByClass.set(cls, rules);
  return rules;
}

const absentChecked = new WeakMap<object, string[]>();

/** The fields whose rules run even when not given (not only IsOptional): rarely any. */
function checkedWhenAbsent(cls: object, rules: Map<string, FieldRules>): string[] {
  let names = absentChecked.get(cls);
  if (!names) {
    names = [...rules].filter(([, field]) => !field.optional).map(([name]) => name);
    absentChecked.set(cls, names);
  }
  return names;
}

const isPromise = (value: unknown) =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** One rule on a value as class-validator's customValidations runs it: passed or not. */
function passes(targetName: string, check: Check, object: object, value: unknown): boolean {
  const { rule } = check;
  if (rule.validateIf && !rule.validateIf(object, value)) return true;
  const each = rule.each && Array.isArray(value);
  for (const constraint of check.constraints) {
    if (constraint.async) return false;
    const { propertyName: property, constraints } = rule;
    const args = { targetName, property, object, value, constraints };
    if (!each) {
      if (!isValid(constraint.instance.validate(value, args))) return false;
      continue;
    }
    for (const item of value as unknown[])
      if (!isValid(constraint.instance.validate(item, args))) return false;
  }
  return true;
}

/** A constraint's answer: a promise is not judged here. */
const isValid = (answer: unknown) => !isPromise(answer) && Boolean(answer);

/** One field's conditions and rules, as class-validator's performValidations runs them. */
function fieldPasses(
  targetName: string,
  field: FieldRules,
  config: Record<string, unknown>,
  given: unknown,
): boolean {
  if (field.optional && (given === undefined || given === null)) return true;
  for (const condition of field.conditions)
    if (!(condition.constraints[0] as Condition)(config, given)) return true;
  for (const check of field.checks) if (!passes(targetName, check, config, given)) return false;
  return true;
}

/** Whether every given field of `config` is a field of `cls` holding no nested class (aliases too). */
export function isFlatConfig(cls: new () => object, config: Record<string, unknown>): boolean {
  const rules = rulesOf(cls);
  const aliases = aliasesOf(cls) ?? {};
  return Object.keys(config).every((key) => {
    const field = Object.hasOwn(aliases, key) ? aliases[key] : key;
    const found = rules.get(field);
    return found !== undefined && !found.nested;
  });
}

/**
 * True only when validateSync would find nothing wrong with `config` (plain data, as
 * validateConfig copies it) as an instance of `cls`: every key a field holding no nested class,
 * and every field's rules passing. False means: check it the full way.
 */
export function passesFlatCheck(cls: new () => object, config: Record<string, unknown>): boolean {
  const rules = rulesOf(cls);
  if (rules.size === 0) return false;
  for (const key of Object.keys(config)) {
    const found = rules.get(key);
    if (!found || found.nested) return false;
  }
  const targetName = cls.name;
  // The fields given, then those checked even when not given (an optional one not given passes).
  for (const key in config) {
    if (!Object.hasOwn(config, key)) continue;
    if (!fieldPasses(targetName, rules.get(key) as FieldRules, config, config[key])) return false;
  }
  for (const name of checkedWhenAbsent(cls, rules)) {
    if (Object.hasOwn(config, name)) continue;
    if (!fieldPasses(targetName, rules.get(name) as FieldRules, config, undefined)) return false;
  }
  return true;
}
