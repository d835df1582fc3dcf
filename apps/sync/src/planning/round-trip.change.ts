import fc from 'fast-check';
import { KIND_SPECS, type Resource } from '@monitor/domain';
import { deepEqual } from '../../../../libs/domain/src/shared/diff';
import {
  concretePaths,
  valueAt,
  withValueAt,
} from '../../../../libs/domain/src/resource-sync/plan/secret-paths';
import { POOL } from '../../../../libs/domain/src/resource-sync/toml/round-trip.fixtures';
import {
  USERS,
  asWritten,
  sealSecrets,
  sealed,
  storedConfig,
  type World,
} from './round-trip.world';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isSealed = (v: unknown): v is { sealed: string } =>
  isObject(v) && Object.keys(v).length === 1 && typeof v.sealed === 'string';

/** The plaintext form of a stored config, as a write receives it. */
function unsealed(value: unknown): unknown {
  if (isSealed(value)) return value.sealed;
  if (Array.isArray(value)) return value.map(unsealed);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unsealed(v)]));
}

/** Paths of the leaves a plan compares one by one: objects walked, arrays and values leaves. */
function leaves(value: unknown, at: string[] = []): string[][] {
  if (!isObject(value) || isSealed(value)) return [at];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
}

/** A leaf whose change the plan sees: not a union's `type` (its params go with it). */
const changeable = (config: Json, path: string[]) =>
  !(path[path.length - 1] === 'type' && isObject(valueAt(config, path.slice(0, -1)))
    && 'params' in (valueAt(config, path.slice(0, -1)) as Json)); // prettier-ignore

export interface FieldChange {
  world: World;
  key: string;
  /** As the plan names it: `description`, `tags` or `config.<dotted path>`. */
  path: string;
  /**
   * What the plan makes of it: an Update naming `path`; none where the export leaves the field
   * out (the file keeps what is stored) or the resource is out of the sync's `match_tags`; a
   * Delete where new tags bring into scope a resource the files, filtered by them, leave out.
   */
  action?: 'Update' | 'Delete';
  /** Whether a write takes the changed config (a rule between fields may refuse it). */
  accepted: boolean;
}

/** Komodo's export and sync leave out a sync with UI files or no source (see render-set.ts). */
function exportable(resource: Resource): boolean {
  if (resource.kind !== 'ResourceSync') return true;
  const c = resource.config as unknown as Json;
  return c.file_contents === '' && Boolean(c.files_on_host || c.repo || c.linked_repo);
}

/** The file leaves out secrets and a counting Build's version: the stored value stays. */
function carried(resource: Resource, path: string[]): boolean {
  const config = resource.config as unknown as Json;
  const secret = KIND_SPECS[resource.kind].secrets.some((s) =>
    concretePaths(config, s).some((p) => p.join('.') === path.join('.')),
  );
  const counting = resource.kind === 'Build' && config.auto_increment_version !== false;
  return !secret && !(counting && path[0] === 'version');
}

/**
 * One stored field changed to another value a write accepts: of a resource, a variable (its
 * description or value) or a user group (its members).
 */
export function changedField(w: World): fc.Arbitrary<FieldChange> {
  const others = [
    ...(w.variables.length ? [changedVariable(w)] : []),
    ...(w.userGroups.some((g) => !g.everyone) ? [changedGroup(w)] : []),
  ];
  return fc.oneof({ arbitrary: changedResource(w), weight: 4 }, ...others);
}

function changedResource(w: World): fc.Arbitrary<FieldChange> {
  const exported = w.resources.flatMap((r, i) => (exportable(r) ? [i] : []));
  return fc
    .constantFrom(...exported)
    .chain((i) => {
      const resource = w.resources[i];
      return fc
        .tuple(
          storedConfig(resource.kind, resource.name),
          fc.string({ minLength: 1 }),
          fc.subarray(POOL.tags),
          fc.nat(),
        )
        .map(([other, description, tags, pick]) => ({
          i,
          resource,
          other,
          description,
          tags,
          pick,
        }));
    })
    .map(({ i, resource, other, description, tags, pick }) => {
      const config = unsealed(resource.config) as Json;
      const paths = leaves(config).filter((p) => {
        const there = valueAt(other, p);
        return (
          there !== undefined && !deepEqual(there, valueAt(config, p)) && changeable(config, p)
        );
      });
      const candidates: { path: string; change: (r: Resource) => Resource; raw?: string[] }[] = [
        ...paths.map((p) => ({
          path: `config.${p.join('.')}`,
          raw: p,
          change: (r: Resource) =>
            ({ ...r, config: withValueAt(config, p, valueAt(other, p)) }) as Resource,
        })),
        {
          path: 'description',
          change: (r) => ({ ...r, description: `${r.description}${description}` }),
        },
      ];
      if (!sameSet(tags, resource.tags))
        candidates.push({ path: 'tags', change: (r) => ({ ...r, tags }) });
      const chosen = candidates[pick % candidates.length];
      let changed = chosen.change(resource);
      let accepted = true;
      if (chosen.raw) {
        const written = changed.config as unknown as Json;
        // A rule between fields may refuse the new value beside the others, as a write would.
        accepted =
          deepEqual(asWritten(resource.kind, resource.name, written), written) &&
          exportable(changed);
        changed = { ...changed, config: sealSecrets(resource.kind, written) as never };
      }
      const resources = w.resources.map((r, j) => (j === i ? changed : r));
      return {
        world: { ...w, resources },
        key: `${resource.kind}:${resource.name}`,
        path: chosen.path,
        action: planned(
          w.matchTags,
          resource,
          changed,
          !chosen.raw || carried(resource, chosen.raw),
        ),
        accepted,
      };
    });
}

/** The plan's answer to the change, by the sync's scope before and after it. */
function planned(matchTags: string[], before: Resource, after: Resource, carriedOut: boolean) {
  const inScope = (r: Resource) =>
    matchTags.every((name) => r.tags.some((id) => POOL.nameOf.get(id) === name));
  if (inScope(before)) return carriedOut ? ('Update' as const) : undefined;
  return inScope(after) ? ('Delete' as const) : undefined;
}

function changedVariable(w: World): fc.Arbitrary<FieldChange> {
  return fc
    .tuple(fc.nat({ max: w.variables.length - 1 }), fc.boolean(), fc.string({ minLength: 1 }))
    .map(([i, value, more]) => {
      const variable = w.variables[i];
      const changed = value
        ? {
            ...variable,
            value: variable.isSecret ? sealed(`${more}!`) : `${String(variable.value)}${more}`,
          }
        : { ...variable, description: `${variable.description}${more}` };
      const variables = w.variables.map((v, j) => (j === i ? changed : v));
      return {
        world: { ...w, variables },
        key: `Variable:${variable.name}`,
        path: value ? 'value' : 'description',
        // The export leaves a secret's value out: the stored one stays.
        action: value && variable.isSecret ? undefined : ('Update' as const),
        accepted: true,
      };
    });
}

function changedGroup(w: World): fc.Arbitrary<FieldChange> {
  const listed = w.userGroups.flatMap((g, i) => (g.everyone ? [] : [i]));
  return fc
    .tuple(fc.constantFrom(...listed), fc.subarray(USERS.map((u) => u.id)))
    .map(([i, users]) => {
      const group = w.userGroups[i];
      const userGroups = w.userGroups.map((g, j) => (j === i ? { ...g, users } : g));
      return {
        world: { ...w, userGroups },
        key: `UserGroup:${group.name}`,
        path: 'users',
        accepted: !sameSet(users, group.users),
        action: 'Update' as const,
      };
    });
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));
