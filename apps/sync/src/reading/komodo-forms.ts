import type { FieldError } from '@monitor/contracts';
import type { ResourceKind } from '@monitor/domain';
import { isTable } from './is-table';

/*
 * The other spellings Komodo's deserializers accept for a field (client/core/rs/src/deserializers),
 * turned into the one Monitor stores: a string where a list goes, `[{ variable, value }]` tables
 * where a text of lines goes, a version as "1.2.3", a Komodo 1.x image registry. Run after the
 * aliases are renamed, so only canonical names appear here.
 */

type Converted = { value: unknown } | { error: string; at?: string };
type Form = (value: unknown) => Converted;

/** Komodo's parse_string_list: lines, then commas; `#` comments and blanks dropped. */
export function parseStringList(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(' #')[0])
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
}

const stringList: Form = (v) => ({ value: typeof v === 'string' ? parseStringList(v) : v });

/** A list of two-string tables, written as Komodo writes it: `  <a><between><b>` lines. */
function pairs(first: string, second: string, between: string): Form {
  return (v) => {
    if (!Array.isArray(v)) return { value: v };
    const lines: string[] = [];
    for (const [i, item] of v.entries()) {
      if (!isTable(item) || typeof item[first] !== 'string' || typeof item[second] !== 'string')
        return { error: `must be a table of strings { ${first}, ${second} }`, at: String(i) };
      lines.push(`  ${item[first]}${between}${item[second]}`);
    }
    return { value: lines.length ? `${lines.join('\n')}\n` : '' };
  };
}

const envVars = pairs('variable', 'value', ' = ');
const labels = pairs('variable', 'value', ': ');
const conversions = pairs('local', 'container', ': ');
const termLabels = pairs('signal', 'label', ': ');

/** Komodo's Version from a string: "1", "1.2" or "1.2.3", missing parts 0. */
const version: Form = (v) => {
  if (typeof v !== 'string') return { value: v };
  const [major, minor, patch] = v.split('.');
  const parts = { major, minor: minor ?? '0', patch: patch ?? '0' };
  for (const [name, part] of Object.entries(parts)) {
    if (!/^\d+$/.test(part)) return { error: `"${v}": ${name} version must be an integer` };
  }
  return { value: Object.fromEntries(Object.entries(parts).map(([k, p]) => [k, Number(p)])) };
};

const REGISTRY_DEFAULTS = { domain: '', account: '', organization: '' };

/**
 * Komodo 1.x wrote `{ type = "Standard", params = { domain, account, organization } }`; a field
 * left out is Komodo's default, '' (serde fills each item).
 */
function registryOf(v: unknown): unknown[] {
  if (!isTable(v)) return [v];
  if (!('type' in v)) return [{ ...REGISTRY_DEFAULTS, ...v }];
  if (v.type === 'None') return [];
  return [{ ...REGISTRY_DEFAULTS, ...(isTable(v.params) ? v.params : {}) }];
}

const imageRegistry: Form = (v) => {
  if (Array.isArray(v)) return { value: v.flatMap(registryOf) };
  return isTable(v) ? { value: registryOf(v) } : { value: v };
};

/** Items as a path alone, or without `track`: tracked, Komodo's default. */
const envFiles: Form = (v) => {
  if (!Array.isArray(v)) return { value: v };
  const item = (f: unknown) =>
    typeof f === 'string' ? { path: f, track: true } : isTable(f) ? { track: true, ...f } : f;
  return { value: v.map(item) };
};

const REQUIRES: Record<string, string> = { redeploy: 'Redeploy', restart: 'Restart', none: 'None' };

/** `requires` also in lower case (serde aliases of StackFileRequires). */
const fileDependencies: Form = (v) => {
  if (!Array.isArray(v)) return { value: v };
  const item = (f: unknown) =>
    isTable(f) && typeof f.requires === 'string' && Object.hasOwn(REQUIRES, f.requires)
      ? { ...f, requires: REQUIRES[f.requires] }
      : f;
  return { value: v.map(item) };
};

const FORMS: Partial<Record<ResourceKind, Record<string, Form>>> = {
  Server: { ignore_mounts: stringList, links: stringList },
  Deployment: {
    extra_args: stringList,
    term_signal_labels: termLabels,
    ports: conversions,
    volumes: conversions,
    environment: envVars,
    labels,
    'image.params.version': version,
  },
  Stack: {
    links: stringList,
    auto_update_skip_services: stringList,
    file_paths: stringList,
    extra_args: stringList,
    build_extra_args: stringList,
    compose_cmd_wrapper_include: stringList,
    ignore_services: stringList,
    environment: envVars,
    additional_env_files: envFiles,
    config_files: fileDependencies,
  },
  Repo: { links: stringList, environment: envVars },
  Build: {
    links: stringList,
    extra_args: stringList,
    build_args: envVars,
    secret_args: envVars,
    labels,
    version,
    image_registry: imageRegistry,
  },
  Builder: {
    'params.server_ids': stringList,
    'params.security_group_ids': stringList,
    'params.secrets': stringList,
  },
  ResourceSync: { resource_path: stringList, match_tags: stringList },
};

/** FORMS with each path split once: every declared config is converted. */
const FORM_STEPS: Partial<Record<ResourceKind, FormStep[]>> = Object.fromEntries(
  Object.entries(FORMS).map(([kind, forms]) => [
    kind,
    Object.entries(forms).map(([path, form]) => {
      const keys = path.split('.');
      return { path, keys: keys.slice(0, -1), last: keys[keys.length - 1], form };
    }),
  ]),
);

interface FormStep {
  path: string;
  /** The keys down to the holder of the field. */
  keys: string[];
  last: string;
  form: Form;
}

/** Komodo 1.x names Komodo 2 renamed without an alias, by dotted path: read as the new name. */
const LEGACY_NAMES: Partial<Record<ResourceKind, Record<string, string>>> = {
  Builder: { 'params.docker_registries': 'params.image_registries' },
};

/** Renames `config`'s Komodo 1.x fields in place; answers the renames (a key's line follows). */
export function renameLegacyFields(
  kind: ResourceKind,
  config: Record<string, unknown>,
): { from: string; to: string }[] {
  const renames: { from: string; to: string }[] = [];
  for (const [from, to] of Object.entries(LEGACY_NAMES[kind] ?? {})) {
    const keys = from.split('.');
    const last = keys.pop() as string;
    const newName = to.split('.').pop() as string;
    let holder: unknown = config;
    for (const key of keys) holder = isTable(holder) ? holder[key] : undefined;
    if (!isTable(holder) || !Object.hasOwn(holder, last) || Object.hasOwn(holder, newName))
      continue;
    holder[newName] = holder[last];
    delete holder[last];
    renames.push({ from, to });
  }
  return renames;
}

/** Converts `config` (a kind's config as read) in place; answers what could not be (no path in the message). */
export function applyKomodoForms(
  kind: ResourceKind,
  config: Record<string, unknown>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const { path, keys, last, form } of FORM_STEPS[kind] ?? []) {
    let holder: unknown = config;
    for (const key of keys) holder = isTable(holder) ? holder[key] : undefined;
    if (!isTable(holder) || !Object.hasOwn(holder, last)) continue;
    const converted = form(holder[last]);
    if ('value' in converted) holder[last] = converted.value;
    else {
      const field = converted.at ? `${path}.${converted.at}` : path;
      errors.push({ field, message: converted.error });
    }
  }
  return errors;
}
