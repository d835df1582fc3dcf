import { isResourceKind, type ResourceKind } from '../../kinds';
import { KIND_SPECS } from '../../resources/configs/registry';
import { getPath, setPath } from '../../shared/paths';
import { withTargets } from '../../procedure/executions';
import type { ProcedureConfig } from '../../procedure/procedure.config';

export interface ConfigReference {
  kind: ResourceKind;
  target: string;
  /** Where, under the config: `server_id`, `params.server_ids.0`, `stages[0].executions[1]...`. */
  path: string;
}

type Rename = (kind: ResourceKind, target: string, path: string) => string;

const hasStages = (config: Record<string, unknown>) => Array.isArray(config.stages);

/**
 * The config with every reference passed through `rename`: the kind's reference fields
 * (`server_id`, `image.params.build_id` when the image is a Build, ...) and, for a Procedure,
 * the targets its executions name.
 */
export function mapReferences(
  kind: ResourceKind,
  config: Record<string, unknown>,
  rename: Rename,
): Record<string, unknown> {
  let mapped = config;
  for (const spec of KIND_SPECS[kind].references) {
    if (spec.when && getPath(config, spec.when.path) !== spec.when.equals) continue;
    const value = getPath(config, spec.path);
    // Copied only where a name differs: most declarations name by name already.
    if (typeof value === 'string' && value !== '') {
      const name = rename(spec.kind, value, spec.path.join('.'));
      if (name !== value) mapped = setPath(mapped, spec.path, name);
    } else if (Array.isArray(value)) {
      const names = value.map((item, i) =>
        typeof item === 'string' && item !== ''
          ? rename(spec.kind, item, [...spec.path, i].join('.'))
          : item,
      );
      if (names.some((name, i) => name !== value[i])) mapped = setPath(mapped, spec.path, names);
    }
  }
  if (kind === 'Alerter') mapped = withAlertTargets(mapped, rename);
  if (kind === 'Procedure' && hasStages(mapped)) {
    const procedure = mapped as unknown as ProcedureConfig;
    mapped = withTargets(procedure, (r) => rename(r.kind, r.target, r.path)) as unknown as Record<
      string,
      unknown
    >;
  }
  return mapped;
}

/** An Alerter's `resources` and `except_resources`: targets whose kind is in each entry. */
function withAlertTargets(
  config: Record<string, unknown>,
  rename: Rename,
): Record<string, unknown> {
  const out = { ...config };
  for (const field of ['resources', 'except_resources']) {
    const targets = config[field];
    if (!Array.isArray(targets)) continue;
    out[field] = targets.map((target: unknown, i) => {
      const { type, id } = (target ?? {}) as { type?: unknown; id?: unknown };
      if (!isResourceKind(type) || typeof id !== 'string' || id === '') return target;
      return { ...(target as object), id: rename(type, id, `${field}.${i}.id`) };
    });
  }
  return out;
}

/** What a config names, each target once (where it is first named). */
export function referencesOf(
  kind: ResourceKind,
  config: Record<string, unknown>,
): ConfigReference[] {
  const found = new Map<string, ConfigReference>();
  mapReferences(kind, config, (target, name, path) => {
    const key = `${target}:${name}`;
    if (!found.has(key)) found.set(key, { kind: target, target: name, path });
    return name;
  });
  return [...found.values()];
}
