import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import {
  type AliasRename,
  CONFIG_DTOS,
  type FieldError,
  isFlatConfig,
  resolveAliases,
  validateConfig,
} from '@monitor/contracts';
import {
  DomainError,
  EACH,
  KIND_SPECS,
  type ResourceKind,
  type SyncProblemSeverity,
  decideResource,
} from '@monitor/domain';
import { didYouMean } from './did-you-mean';
import { applyKomodoForms, renameLegacyFields } from './komodo-forms';
import { isTable } from './is-table';

/** A problem of one declaration; `field` is a dotted path from it ('config.image.type'). */
export interface EntryProblem {
  field: string;
  severity: SyncProblemSeverity;
  message: string;
}

const UNKNOWN_FIELD = /^unknown field '([^']*)'/;
/** Unknown keys hide the ones below them until they are dropped; configs are not deeper. */
const MAX_PASSES = 16;

/** validateConfig's messages start with the field's path, which the problem names already. */
function withoutPath(field: string, message: string): string {
  if (!message.startsWith(field)) return message;
  return message.slice(field.length).replace(/^:?\s+/, '');
}

function errorsOf(errors: FieldError[]): EntryProblem[] {
  return errors.map(({ field, message }) => ({
    field: field === 'config' ? 'config' : `config.${field}`,
    severity: 'error' as const,
    message: withoutPath(field, message),
  }));
}

/**
 * What resolveAliases reads a config's classes from: class-transformer's instance, or for a
 * flat config (no field holding a nested class) its own values under the class's prototype,
 * which is all the aliases are found by, without copying it.
 */
function instanceOf(kind: ResourceKind, config: Record<string, unknown>): object {
  const cls = CONFIG_DTOS[kind];
  if (!isFlatConfig(cls, config)) return plainToInstance(cls, config);
  return Object.assign(Object.create(cls.prototype) as object, config);
}

/**
 * Renames Komodo's aliases as validateConfig would, answering each rename (a key's line goes
 * with it). Another pass only when a renamed value may hold aliases of its own (`stage` holds
 * `execution`).
 */
function renameAliases(kind: ResourceKind, config: Record<string, unknown>) {
  const renames: AliasRename[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found: AliasRename[] = [];
    const result = resolveAliases(instanceOf(kind, config), config, [], {
      errors: [],
      renamed: 0,
      renames: found,
    });
    renames.push(...found);
    const nested = found.some(({ to }) => typeof valueAt(config, to.split('.')) === 'object');
    if (result.errors.length || !nested) return { errors: result.errors, renames };
  }
  return { errors: [], renames };
}

function valueAt(root: unknown, path: string[]): unknown {
  let value: unknown = root;
  for (const key of path)
    value = isTable(value) || Array.isArray(value) ? value[key as never] : undefined;
  return value;
}

/** The fields a config's object at `parent` may hold, by its class (a variant's own). */
function knownFields(kind: ResourceKind, config: Record<string, unknown>, parent: string[]) {
  const holder = valueAt(plainToInstance(CONFIG_DTOS[kind], config), parent);
  if (!isTable(holder)) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    holder.constructor,
    '',
    true,
    false,
  );
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function dropField(config: Record<string, unknown>, path: string[]): void {
  const holder = valueAt(config, path.slice(0, -1));
  if (isTable(holder)) delete holder[path[path.length - 1]];
}

/** Keys Komodo ignores are warnings and dropped; answers the other errors of the last check. */
function validateDroppingUnknown(
  kind: ResourceKind,
  config: Record<string, unknown>,
  problems: EntryProblem[],
): Record<string, unknown> | undefined {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = validateConfig(kind, config);
    if (result.ok) return result.config;
    const unknown = result.errors.filter((e) => UNKNOWN_FIELD.test(e.message));
    const others = result.errors.filter((e) => !UNKNOWN_FIELD.test(e.message));
    for (const { field, message } of unknown) {
      const path = field.split('.');
      const key = path[path.length - 1];
      const hint = didYouMean(key, knownFields(kind, config, path.slice(0, -1)));
      problems.push({
        field: `config.${field}`,
        severity: 'warning',
        message: `${message.replace(UNKNOWN_FIELD, `unknown key '$1'`)}, ignored as Komodo does${hint}`,
      });
      dropField(config, path);
    }
    if (others.length || !unknown.length) {
      problems.push(...errorsOf(others));
      return undefined;
    }
  }
  return undefined;
}

function domainProblems(error: DomainError): EntryProblem[] {
  const details = (error.details ?? {}) as {
    errors?: FieldError[];
    field?: string;
    fields?: string[];
  };
  if (details.errors?.length)
    return details.errors.map(({ field, message }) => ({
      field,
      severity: 'error',
      message: withoutPath(field.replace(/^config\./, ''), message),
    }));
  const field =
    details.field ?? (details.fields?.length ? `config.${details.fields[0]}` : 'config');
  return [{ field, severity: 'error', message: withoutPath(field, error.message) }];
}

function holdsDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.some(holdsDate);
  if (!isTable(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && holdsDate(value[key])) return true;
  return false;
}

/** TOML dates: no config field holds one (Komodo's serde refuses them too). */
function dateErrors(value: unknown, path: string[] = []): FieldError[] {
  // Almost no config holds one: the paths are made only for one that does.
  if (!holdsDate(value)) return [];
  if (value instanceof Date)
    return [{ field: path.join('.'), message: 'is a TOML date, which no field holds: quote it' }];
  if (Array.isArray(value)) return value.flatMap((v, i) => dateErrors(v, [...path, String(i)]));
  if (isTable(value)) return Object.entries(value).flatMap(([k, v]) => dateErrors(v, [...path, k]));
  return [];
}

/**
 * A secret the file leaves out, as Komodo's export does: the stored value stays, so the check
 * of a create (which sees the empty default, a Telegram bot_token say) does not speak for it.
 */
function omittedSecret(kind: ResourceKind, config: Record<string, unknown>, field: string) {
  const path = field.replace(/^config\./, '').split('.');
  return KIND_SPECS[kind].secrets.some(
    (secret) =>
      secret.length === path.length &&
      secret.every((step, i) => step === path[i] || (step === EACH && /^\d+$/.test(path[i]))) &&
      valueAt(config, path) === undefined,
  );
}

/** What checking one declared config found; `renames` by dotted path from the config. */
export interface CheckedConfig {
  config?: Record<string, unknown>;
  problems: EntryProblem[];
  renames: AliasRename[];
  /** Errors at secrets the file leaves out: only a resource that exists has a stored value for them. */
  needsStored?: EntryProblem[];
}

/**
 * A declared config checked as the write creating it would check it (the kind's defaults beside
 * the keys given): field types and values (validateConfig), then the domain's rules and the name
 * (decideResource). Answers the config under its canonical names, or none on an error. `raw` is
 * converted in place.
 */
export function checkConfig(
  kind: ResourceKind,
  name: string,
  raw: Record<string, unknown>,
): CheckedConfig {
  const problems: EntryProblem[] = [];
  const dates = dateErrors(raw);
  if (dates.length) return { problems: errorsOf(dates), renames: [] };
  const legacy = renameLegacyFields(kind, raw);
  const { errors: aliasErrors, renames: aliases } = renameAliases(kind, raw);
  const renames = [...legacy, ...aliases];
  const formErrors = applyKomodoForms(kind, raw);
  if (aliasErrors.length || formErrors.length) {
    return { problems: [...errorsOf(aliasErrors), ...errorsOf(formErrors)], renames };
  }
  const config = validateDroppingUnknown(kind, raw, problems);
  if (!config) return { problems, renames };
  try {
    decideResource(kind, { status: 'Empty' }, { type: 'Create', id: 'sync', name, config });
  } catch (error) {
    if (error instanceof DomainError) {
      const all = domainProblems(error);
      const found = all.filter((p) => !omittedSecret(kind, config, p.field));
      if (!found.length) return { config, problems, renames, needsStored: all };
      problems.push(...found);
    } else {
      // A rule that breaks on a value it did not expect: still this declaration's problem.
      const message = error instanceof Error ? error.message : String(error);
      problems.push({
        field: 'config',
        severity: 'error',
        message: `could not be checked: ${message}`,
      });
    }
    return { problems, renames };
  }
  return { config, problems, renames };
}
