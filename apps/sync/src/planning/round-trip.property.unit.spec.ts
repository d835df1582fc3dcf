import fc from 'fast-check';
import {
  ALERTER_ENDPOINT_TYPES,
  DEPLOYMENT_IMAGE_TYPES,
  KIND_SPECS,
  RESOURCE_KINDS,
  createPlanMemo,
  defaultResourceSyncConfig,
  renderSyncInfo,
  type ResourceKind,
  isEmptyPlan,
  planSync,
  renderResourcesToml,
  type ExportNames,
  type PlanInput,
  type RenderedSyncInfo,
  type Resource,
  type SyncPlan,
} from '@monitor/domain';
import { deepEqual } from '../../../../libs/domain/src/shared/diff';
import {
  OPTIONAL_PARAMS,
  VARIANTS,
} from '../../../../libs/domain/src/resource-sync/toml/round-trip.fixtures';
import { variantDefault } from '../../../../libs/domain/src/resource-sync/toml/config-view';
import { testHash } from '../../../../libs/domain/src/resource-sync/plan/plan.fixtures';
import { readSyncFiles } from '../reading';
import { LookupCache } from './lookup-cache';
import { ViewRenderer } from './view-renderer';
import {
  SYNC_ID,
  TAGS,
  USERS,
  resourceOf,
  secretMatches,
  storedConfig,
  world,
  type World,
} from './round-trip.world';
import { changedField } from './round-trip.change';

/**
 * Issue 16's round trip, whole and over the real code paths: random stored resources of every
 * kind with every field set, tags, variables and user groups, exported as ExportResourcesToToml
 * exports them, read back by the sync's reader, planned by its planner against the same
 * stored world: no problem and an empty plan. One stored field changed: one update, naming it.
 */

/**
 * The sync planning the files: UI-managed (so never in its own export), deleting what is
 * undeclared, its scope the resources carrying every one of the world's `match_tags`.
 */
const syncOf = (w: World) =>
  resourceOf('ResourceSync', SYNC_ID, 'the sync', {
    ...defaultResourceSyncConfig(),
    file_contents: '# managed in the UI',
    delete: true,
    include_variables: true,
    include_user_groups: true,
    match_tags: w.matchTags,
  }) as Resource<'ResourceSync'>;

/** What ExportRequests' exportNames answers from the read model. */
function exportNames(resources: Resource[]): ExportNames {
  return {
    resource: (kind, id) => resources.find((r) => r.kind === kind && r.id === id)?.name,
    tag: (id) => TAGS.find((t) => t.id === id)?.name,
    user: (id) => USERS.find((u) => u.id === id)?.username,
  };
}

/** The export's text (ExportAllResourcesToToml with variables and user groups). */
const exported = (w: World) =>
  renderResourcesToml(
    { resources: w.resources, variables: w.variables, userGroups: w.userGroups },
    exportNames(w.resources),
  );

/**
 * SyncPlanner.plan without the read model: the reader, then planSync with the input it builds,
 * and the pending view it stores. What the planner keeps from one plan to the next (the plan
 * memo, the lookup, the rendered views) is kept here too, across every run of the properties.
 */
const memo = createPlanMemo();
const lookups = new LookupCache();
const views = new ViewRenderer();

function plan(files: string, w: World) {
  const sync = syncOf(w);
  const resources = [...w.resources, sync];
  const reading = readSyncFiles([{ path: 'resources.toml', contents: files }], {
    exists: (kind, nameOrId) =>
      resources.some((r) => r.kind === kind && (r.name === nameOrId || r.id === nameOrId)),
    matchTags: sync.config.match_tags,
  });
  if (reading.problems.length) return { problems: reading.problems };
  const input: PlanInput = {
    declared: reading.declared,
    resources,
    variables: w.variables,
    userGroups: w.userGroups,
    lookup: lookups.lookup(resources, TAGS, USERS),
    sync: { id: sync.id, config: sync.config },
    secretMatches,
    hash: testHash,
    containerState: () => 'running',
    memo,
  };
  const planned = planSync(input);
  const info = renderSyncInfo(planned, { resource: views.render }, [], memo);
  return { problems: [], plan: planned, info };
}

const shown = (p: SyncPlan) => ({
  resources: p.resources.map((c) => ({ key: c.key, action: c.action, fields: c.fields })),
  variables: p.variables.map((c) => ({ key: c.key, action: c.action, fields: c.fields })),
  userGroups: p.userGroups.map((c) => ({ key: c.key, action: c.action, fields: c.fields })),
  deploys: p.deploys,
});

/** ROUND_TRIP_RUNS for more runs; ROUND_TRIP_SEED and ROUND_TRIP_PATH replay a failure. */
const RUNS = {
  numRuns: Number(process.env.ROUND_TRIP_RUNS ?? 100),
  ...(process.env.ROUND_TRIP_SEED && { seed: Number(process.env.ROUND_TRIP_SEED) }),
  ...(process.env.ROUND_TRIP_PATH && { path: process.env.ROUND_TRIP_PATH }),
};

describe('export, import, plan: the round trip over the sync service', () => {
  it('every kind with every field set, tags, variables and user groups: no problem, an empty plan', () => {
    fc.assert(
      fc.property(world, (w) => {
        const result = plan(exported(w), w);
        expect(result.problems).toEqual([]);
        const planned = result.plan as SyncPlan;
        expect(shown(planned)).toEqual({
          resources: [],
          variables: [],
          userGroups: [],
          deploys: [],
        });
        expect(isEmptyPlan(planned)).toBe(true);
        expect(planned.guard.deletes).toBe(0);
      }),
      RUNS,
    );
  });

  it('one stored field changed after the export: one update, naming that field', () => {
    fc.assert(
      fc.property(
        world.chain((w) => changedField(w).map((change) => ({ w, change }))),
        ({ w, change }) => {
          fc.pre(change.accepted);
          const files = exported(w);
          // As a poll: the same files planned before the store changed, then after.
          const before = plan(files, w);
          expect(before.problems).toEqual([]);
          expect(isEmptyPlan(before.plan as SyncPlan)).toBe(true);
          const result = plan(files, change.world);
          expect(result.problems).toEqual([]);
          const planned = result.plan as SyncPlan;
          const changes = [...planned.resources, ...planned.variables, ...planned.userGroups].map(
            (c) => ({ key: c.key, action: c.action, paths: c.fields.map((f) => f.path) }),
          );
          if (change.action === 'Delete') {
            expect(changes.map(({ key, action }) => ({ key, action }))).toEqual([
              { key: change.key, action: 'Delete' },
            ]);
            return;
          }
          const paths = change.action ? [[change.path]] : [];
          expect(changes).toEqual(
            paths.map((p) => ({ key: change.key, action: 'Update', paths: p })),
          );
          const info = result.info as RenderedSyncInfo;
          const shownUpdates = [
            ...info.resource_updates,
            ...info.variable_updates,
            ...info.user_group_updates,
          ];
          expect(shownUpdates.map((u) => u.fields.map((f) => f.path))).toEqual(paths);
        },
      ),
      RUNS,
    );
  });

  it.each(RESOURCE_KINDS)(
    '%s: the stored configs generated set every field of the kind',
    (kind) => {
      const configs = fc.sample(storedConfig(kind, 'coverage'), { numRuns: 150, seed: 16 });
      const unset = fieldsOf(kind).filter(
        ({ type, key, fallback }) =>
        !configs.some((c) => (type === undefined ? !deepEqual(c[key], fallback)
          : c.type === type && !deepEqual((c.params as Json)[key], fallback))), // prettier-ignore
      );
      expect(unset).toEqual([]);
    },
  );

  it('every variant of every union is generated, with each of its params set', () => {
    const unions = [
      { kind: 'Alerter' as const, at: 'endpoint', types: ALERTER_ENDPOINT_TYPES },
      { kind: 'Deployment' as const, at: 'image', types: DEPLOYMENT_IMAGE_TYPES },
    ];
    for (const { kind, at, types } of unions) {
      const configs = fc.sample(storedConfig(kind, 'coverage'), { numRuns: 300, seed: 16 });
      const unset = types.flatMap((type) => {
        const values = configs.map((c) => c[at] as Json).filter((u) => u.type === type);
        const fallback = {
          ...((variantDefault(kind, at, { type }) as Json).params as Json),
          ...OPTIONAL_PARAMS[type],
        };
        return Object.keys(fallback)
          .filter((key) => !values.some((u) => !deepEqual((u.params as Json)[key], fallback[key])))
          .map((key) => `${kind} ${at} ${type}.${key}`);
      });
      expect(unset).toEqual([]);
    }
  });
});

type Json = Record<string, unknown>;

/** Each field of the kind's config (of each variant's params) with its default. */
function fieldsOf(kind: ResourceKind): { type?: string; key: string; fallback: unknown }[] {
  const variants = VARIANTS[kind];
  if (!variants) {
    const defaults = KIND_SPECS[kind].defaults() as Json;
    return Object.entries(defaults).map(([key, fallback]) => ({ key, fallback }));
  }
  return Object.entries(variants).flatMap(([type, defaults]) =>
    Object.entries(defaults()).map(([key, fallback]) => ({ type, key, fallback })),
  );
}
