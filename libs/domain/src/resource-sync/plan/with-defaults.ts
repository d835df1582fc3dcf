import type { ResourceKind } from '../../kinds';
import { KIND_SPECS } from '../../resources/configs/registry';
import { CONFIG_VARIANTS } from '../../resources/configs/variants';
import { deepFreeze } from './deep-freeze';
import { completePatch } from '../../resources/lifecycle/complete-patch';
import {
  DEPLOYMENT_IMAGE_TYPES,
  defaultDeploymentImage,
  type DeploymentImageType,
} from '../../deployment/deployment.config';

type Config = Record<string, unknown>;

const isPlain = (value: unknown): value is Config =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Pair = [first: string, second: string, between: string];

/**
 * Fields Komodo reads as a text of lines, or as a list of two-key tables (its deserializers in
 * client/core/rs/src/deserializers): the keys of a table and how its line is written.
 */
const LINE_FIELDS: Record<string, Pair> = {
  environment: ['variable', 'value', ' = '],
  build_args: ['variable', 'value', ' = '],
  secret_args: ['variable', 'value', ' = '],
  labels: ['variable', 'value', ': '],
  ports: ['local', 'container', ': '],
  volumes: ['local', 'container', ': '],
  term_signal_labels: ['signal', 'label', ': '],
};

/**
 * Komodo's stored form of a text of lines: a table list becomes `  <a><between><b>` lines; a
 * non-empty text ends with a newline. Applied to both sides, so a text written with or without
 * its last newline compares equal.
 */
export function linesStoredForm(value: unknown, [first, second, between]: Pair): unknown {
  if (typeof value === 'string') return value === '' || value.endsWith('\n') ? value : `${value}\n`;
  if (!Array.isArray(value)) return value;
  const lines = value.map((item) => {
    const table = (item ?? {}) as Record<string, unknown>;
    return `  ${String(table[first] ?? '')}${between}${String(table[second] ?? '')}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The line fields of `out` (a config of its own, changed in place) in their stored form. */
function withLineForms(out: Config, defaults: Config): Config {
  for (const field in LINE_FIELDS) {
    if (typeof defaults[field] === 'string' && field in out) {
      out[field] = linesStoredForm(out[field], LINE_FIELDS[field]);
    }
  }
  return out;
}

/** Tagged unions without a completion of their own: the variant's defaults by `type`. */
const VARIANT_DEFAULTS: Partial<Record<ResourceKind, Record<string, (type: string) => unknown>>> = {
  Deployment: {
    image: (type) =>
      DEPLOYMENT_IMAGE_TYPES.includes(type as DeploymentImageType)
        ? defaultDeploymentImage(type as DeploymentImageType)
        : undefined,
  },
};

/** `given` over `base`, object by object; a tagged union of another variant starts from its own. */
function mergeOnto(base: unknown, given: unknown, variant?: (type: string) => unknown): unknown {
  if (given === undefined) return base;
  if (!isPlain(base) || !isPlain(given)) return given;
  if ('type' in base && 'type' in given && base.type !== given.type) {
    const own = variant?.(String(given.type));
    return own === undefined ? given : mergeOnto(own, given);
  }
  const out: Config = { ...base };
  for (const [key, value] of Object.entries(given)) out[key] = mergeOnto(base[key], value);
  return out;
}

/**
 * Each kind's defaults, made once and frozen: a config completed from them shares what it leaves
 * at its default (the plan's memo finds those shared, without comparing them).
 */
const KIND_DEFAULTS = new Map<ResourceKind, Config>();

export function kindDefaults(kind: ResourceKind): Config {
  let defaults = KIND_DEFAULTS.get(kind);
  if (!defaults) {
    defaults = deepFreeze(KIND_SPECS[kind].defaults() as Config);
    KIND_DEFAULTS.set(kind, defaults);
  }
  return defaults;
}

/** The kind's defaults; for a `{ type, params }` kind, those of the variant given. */
function defaultsFor(kind: ResourceKind, given: Config): Config {
  const defaults = kindDefaults(kind);
  const variants = CONFIG_VARIANTS[kind];
  const type = typeof given.type === 'string' ? given.type : undefined;
  if (!variants || type === undefined || type === defaults.type) return defaults;
  const params = Object.hasOwn(variants, type) ? variants[type] : undefined;
  // An unknown type is the reader's to refuse; it is compared as given.
  return params ? { ...defaults, type, params: params() } : defaults;
}

/** Every key of the kind's config: the given ones over the defaults (an omitted key is its default). */
export function withDefaults(kind: ResourceKind, given: Config): Config {
  const defaults = defaultsFor(kind, given);
  const completed = completePatch(kind, defaults as never, given);
  const variants = VARIANT_DEFAULTS[kind] ?? {};
  const out: Config = { ...defaults };
  for (const [key, value] of Object.entries(completed)) {
    out[key] = mergeOnto(defaults[key], value, variants[key]);
  }
  return withLineForms(out, defaults);
}
