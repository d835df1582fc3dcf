import { getPath, type Resource, type ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ApiError } from '../api-error';
import type { ListItem } from './list-items';

/**
 * One field of Komodo's `<Kind>QuerySpecifics`: the value it takes, and whether a resource
 * passes. `config` ones read the resource, `info` ones its list item. An empty list or an absent
 * value does not filter, as in Komodo.
 */
type Specific =
  | { value: 'ids'; of: ResourceKind; path: string; on: 'config'; when?: [string, string] }
  | { value: 'strings'; path: string; on: 'config' | 'info' }
  | {
      value: 'boolean';
      test: (target: Resource | ListItem, wanted: boolean) => boolean;
      on: 'config' | 'info';
    }
  | { value: 'number'; path: string; on: 'info' };

/** Ids (or names) of resources the config points at; `when` another config field says so. */
const ids = (of: ResourceKind, path: string, when?: [string, string]): Specific => ({
  value: 'ids',
  of,
  path,
  on: 'config',
  when,
});
const config = (path: string): Specific => ({ value: 'strings', path, on: 'config' });
const states: Specific = { value: 'strings', path: 'info.state', on: 'info' };
const scheduled: Specific = {
  value: 'boolean',
  on: 'config',
  test: (r, wanted) => Boolean(getPath(r, ['config', 'schedule'])) === wanted,
};
const updateAvailable: Specific = {
  value: 'boolean',
  on: 'info',
  test: (item, wanted) => !wanted || getPath(item, ['info', 'update_available']) === true,
};

/** Komodo 2.3's `<Kind>QuerySpecifics`, field by field (bin/core's add_filters and list filters). */
const SPECIFICS: Record<ResourceKind, Record<string, Specific>> = {
  Server: { states },
  Deployment: {
    server_ids: ids('Server', 'config.server_id'),
    swarm_ids: config('config.swarm_id'),
    build_ids: ids('Build', 'config.image.params.build_id', ['config.image.type', 'Build']),
    update_available: updateAvailable,
    states,
  },
  Stack: {
    server_ids: ids('Server', 'config.server_id'),
    swarm_ids: config('config.swarm_id'),
    linked_repos: ids('Repo', 'config.linked_repo'),
    repos: config('config.repo'),
    update_available: {
      value: 'boolean',
      on: 'info',
      test: (item, wanted) => {
        const services = getPath(item, ['info', 'services']) as { update_available?: boolean }[];
        return !wanted || services.some((s) => s.update_available);
      },
    },
    states,
  },
  Repo: { repos: config('config.repo'), server_ids: ids('Server', 'config.server_id'), states },
  Build: {
    builder_ids: ids('Builder', 'config.builder_id'),
    repos: config('config.repo'),
    linked_repos: ids('Repo', 'config.linked_repo'),
    built_since: { value: 'number', path: 'info.last_built_at', on: 'info' },
    states,
  },
  Builder: {},
  Procedure: { states, scheduled },
  Action: { states, scheduled },
  ResourceSync: { repos: config('config.repo'), linked_repos: ids('Repo', 'config.linked_repo') },
  Alerter: {
    enabled: {
      value: 'boolean',
      on: 'config',
      test: (r, wanted) => getPath(r, ['config', 'enabled']) === wanted,
    },
    types: config('config.endpoint.type'),
  },
  ServerTemplate: {},
};

export interface SpecificFilters {
  resource?: (resource: Resource) => boolean;
  item?: (item: ListItem) => boolean;
}

/**
 * The filters `query.specific` asks of the kind: on the resource (before its item is read) and
 * on its list item. A field the kind does not have, or a value of the wrong type, is a 400
 * naming it. Ids of referenced resources may be given by name too.
 */
export function specificFilters(
  kind: ResourceKind,
  specific: Record<string, unknown> | undefined,
  readModel: ReadModel,
  mayRead: (resource: Resource) => boolean = () => true,
): SpecificFilters {
  const tests: { on: 'config' | 'info'; test: (target: Resource | ListItem) => boolean }[] = [];
  for (const [field, given] of Object.entries(specific ?? {})) {
    const spec = SPECIFICS[kind][field];
    if (!spec) throw invalid(kind, field, `is not one of ${known(kind)}`);
    if (given === undefined || given === null) continue;
    const test = testOf(kind, field, spec, given, readModel, mayRead);
    if (test) tests.push({ on: spec.on, test });
  }
  const on = (side: 'config' | 'info') => {
    const chosen = tests.filter((t) => t.on === side).map((t) => t.test);
    return chosen.length
      ? (target: Resource | ListItem) => chosen.every((t) => t(target))
      : undefined;
  };
  return { resource: on('config'), item: on('info') };
}

function testOf(
  kind: ResourceKind,
  field: string,
  spec: Specific,
  given: unknown,
  readModel: ReadModel,
  mayRead: (resource: Resource) => boolean,
): ((target: Resource | ListItem) => boolean) | undefined {
  if (spec.value === 'boolean') {
    if (typeof given !== 'boolean') throw invalid(kind, field, 'must be true or false');
    return (target) => spec.test(target, given);
  }
  if (spec.value === 'number') {
    if (typeof given !== 'number' || !Number.isFinite(given))
      throw invalid(kind, field, 'must be a number (milliseconds since the epoch)');
    if (given <= 0) return undefined;
    const path = spec.path.split('.');
    return (target) => Number(getPath(target, path) ?? 0) >= given;
  }
  if (!Array.isArray(given) || !given.every((v) => typeof v === 'string'))
    throw invalid(kind, field, 'must be a list of strings');
  if (!given.length) return undefined;
  // A name resolves only to a resource the caller may read: else guesses would find its name.
  const idOf = (v: string, of: ResourceKind) => {
    const found = readModel.resource(of, v);
    return found && (found.id === v || mayRead(found)) ? found.id : v;
  };
  const wanted = new Set<unknown>(
    spec.value === 'ids' ? given.map((v) => idOf(v, spec.of)) : given,
  );
  const path = spec.path.split('.');
  const when = spec.value === 'ids' ? spec.when : undefined;
  if (!when) return (target) => wanted.has(getPath(target, path));
  const [whenPath, equals] = [when[0].split('.'), when[1]];
  return (target) => getPath(target, whenPath) === equals && wanted.has(getPath(target, path));
}

const known = (kind: ResourceKind) => Object.keys(SPECIFICS[kind]).join(', ') || 'none';

function invalid(kind: ResourceKind, field: string, why: string): ApiError {
  return new ApiError(
    400,
    `query.specific.${field}: ${why} (${kind}QuerySpecifics)`,
    'VALIDATION',
    {
      errors: [{ field: `query.specific.${field}`, message: why }],
    },
  );
}
