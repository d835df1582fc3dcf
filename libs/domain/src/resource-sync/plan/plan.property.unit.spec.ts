import fc from 'fast-check';
import { RESOURCE_KINDS, type ResourceKind } from '../../kinds';
import { KIND_SPECS } from '../../resources/configs/registry';
import { defaultAwsBuilderConfig } from '../../builder/builder.config';
import { defaultHetznerServerTemplateConfig } from '../../server-template/server-template.config';
import type { Resource } from '../../resources/lifecycle/state';
import { deepEqual } from '../../shared/diff';
import type { DeclaredResource } from '../declared';
import { lookupFrom } from './lookup';
import { deepFreeze } from './deep-freeze';
import { createPlanMemo } from './memo';
import { isEmptyPlan } from './plan';
import { renderSyncInfo } from './render-info';
import { declared, existing, planOf, sealed } from './plan.fixtures';
import { mapReferences } from './references';
import { concretePaths, valueAt, withValueAt } from './secret-paths';
import type { SyncPlan } from './types';

type Config = Record<string, unknown>;

const TAGS = [
  { id: 't-prod', name: 'prod' },
  { id: 't-eu', name: 'eu' },
];
/** What every kind may reference: one of each kind, always there. */
const TARGETS = RESOURCE_KINDS.map((kind) => existing(kind, `target-${kind}`));
const referenceIds = (kind: ResourceKind) =>
  TARGETS.filter((t) => t.kind === kind).map((t) => t.id);

const isPlain = (v: unknown): v is Config =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value of the default's shape: every field set (or left), strings, numbers, lists. */
function like(value: unknown, key: string): fc.Arbitrary<unknown> {
  // Procedure stages: see the referencing stages below; a union's `type`: see variant().
  if (key === 'stages' || key === 'type') return fc.constant(key === 'type' ? value : []);
  if (typeof value === 'string') return fc.oneof(fc.constant(value), fc.string({ maxLength: 12 }));
  if (typeof value === 'boolean') return fc.boolean();
  if (typeof value === 'number') return fc.integer({ min: 0, max: 1000 });
  if (Array.isArray(value)) return fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 });
  if (isPlain(value)) {
    if ('type' in value) return fc.constant(value); // a tagged union keeps its default variant
    return fc.record(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, like(v, k)])));
  }
  return fc.constant(value);
}

/** A stored config of the kind: references to existing ids, secrets sealed. */
function storedConfig(kind: ResourceKind): fc.Arbitrary<Config> {
  const defaults = KIND_SPECS[kind].defaults() as Config;
  const fields = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, like(v, k)]));
  const refs = fc.record(
    Object.fromEntries(
      KIND_SPECS[kind].references
        .filter((r) => !r.when && r.path.length === 1)
        .map((r) => [r.path[0], fc.constantFrom('', ...referenceIds(r.kind))]),
    ),
  );
  const stages =
    kind === 'Procedure'
      ? fc.constantFrom(...referenceIds('Deployment')).map((id) => ({
          stages: [
            {
              name: 's',
              enabled: true,
              executions: [
                { execution: { type: 'Deploy', params: { deployment: id } }, enabled: true },
              ],
            },
          ],
        }))
      : fc.constant({});
  return fc
    .tuple(fc.record(fields), refs, stages, variant(kind))
    .map(([f, r, s, v]) => seal(kind, { ...f, ...r, ...s, ...v }));
}

const account = fc.record({
  username: fc.string({ maxLength: 5 }),
  token: fc.string({ maxLength: 8 }),
});
const provider = fc.record({
  domain: fc.string({ maxLength: 6 }),
  https: fc.boolean(),
  accounts: fc.array(account, { maxLength: 2 }),
});

/** Tagged unions in their other variants, with the references and secrets those hold. */
function variant(kind: ResourceKind): fc.Arbitrary<Config> {
  if (kind === 'Deployment') {
    const build = fc.constantFrom(...referenceIds('Build')).map((id) => ({
      image: { type: 'Build', params: { build_id: id, version: { major: 1, minor: 2, patch: 3 } } },
    }));
    return fc.oneof(fc.constant({}), build);
  }
  if (kind === 'Alerter') {
    const targets = TARGETS.filter((t) => t.kind !== 'Alerter').map((t) => ({
      type: t.kind,
      id: t.id,
    }));
    return fc.record({ resources: fc.subarray(targets), except_resources: fc.subarray(targets) });
  }
  if (kind === 'ServerTemplate') {
    const hetzner = { type: 'Hetzner', params: defaultHetznerServerTemplateConfig() };
    return fc.oneof(fc.constant({}), fc.constant(hetzner));
  }
  if (kind !== 'Builder') return fc.constant({});
  const server = fc
    .subarray(referenceIds('Server'))
    .map((ids) => ({ type: 'Server', params: { server_ids: ids } }));
  const aws = fc.array(provider, { maxLength: 2 }).map((git_providers) => ({
    type: 'Aws',
    params: { ...defaultAwsBuilderConfig(), git_providers },
  }));
  return fc.oneof(fc.constant({}), server, aws);
}

function seal(kind: ResourceKind, config: Config): Config {
  let out: unknown = config;
  for (const secret of KIND_SPECS[kind].secrets) {
    for (const path of concretePaths(out, secret)) {
      const value = valueAt(out, path);
      if (typeof value === 'string' && value !== '') out = withValueAt(out, path, sealed(value));
    }
  }
  return out as Config;
}

/** The declaration a user would write of a stored config: some defaults left out, refs by name or id, secrets left out or given. */
function declaredFrom(kind: ResourceKind, config: Config, omit: boolean[]): Config {
  const lookup = lookupFrom(TARGETS);
  const defaults = KIND_SPECS[kind].defaults() as Config;
  let out: Config = {
    ...mapReferences(kind, config, (k, id) => (omit[0] ? (lookup.resourceName(k, id) ?? id) : id)),
  };
  for (const secret of KIND_SPECS[kind].secrets) {
    for (const path of concretePaths(out, secret)) {
      const value = valueAt(out, path) as { sealed?: string } | undefined;
      if (value?.sealed !== undefined) out = withValueAt(out, path, value.sealed) as Config;
    }
    if (omit[1] && secret.length === 1) delete out[secret[0]];
  }
  Object.keys(out).forEach((key, i) => {
    if (omit[(i % (omit.length - 2)) + 2] && deepEqual(out[key], defaults[key])) delete out[key];
  });
  return out;
}

const KINDS = RESOURCE_KINDS.filter((k) => k !== 'ResourceSync');
const resourceArb = (name: string): fc.Arbitrary<GeneratedResource> =>
  fc.constantFrom(...KINDS).chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      config: storedConfig(kind),
      description: fc.string({ maxLength: 8 }),
      tags: fc.subarray(TAGS.map((t) => t.id)),
      omit: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      name: fc.constant(name),
    }),
  );

interface GeneratedResource {
  kind: ResourceKind;
  name: string;
  config: Config;
  description: string;
  tags: string[];
  omit: boolean[];
}

function toExisting(g: GeneratedResource): Resource {
  return existing(g.kind, g.name, g.config, { description: g.description, tags: g.tags });
}

function toDeclared(g: GeneratedResource): DeclaredResource {
  const tags = g.tags.map((id) => TAGS.find((t) => t.id === id)?.name ?? id);
  return declared(g.kind, g.name, declaredFrom(g.kind, g.config, g.omit), {
    description: g.description,
    tags,
  });
}

/** What the ordinary commands would store for the plan's changes. */
function applied(plan: SyncPlan, before: Resource[]): Resource[] {
  const after = new Map(before.map((r) => [`${r.kind}:${r.name}`, r]));
  for (const change of plan.resources) {
    if (change.action === 'Delete') {
      after.delete(change.key);
      continue;
    }
    const lookup = lookupFrom([...after.values()], TAGS);
    const ids = (config: Config) =>
      seal(
        change.kind,
        mapReferences(change.kind, config, (k, n) => lookup.resourceId(k, n) ?? n),
      );
    const view = change.proposed as NonNullable<typeof change.proposed>;
    const tags = view.tags.map((n) => TAGS.find((t) => t.name === n)?.id ?? n);
    const current = after.get(change.key);
    const config = current
      ? { ...current.config, ...ids(change.configPatch) }
      : ids(change.configPatch);
    const given = change.metaPatch;
    const meta = {
      description: given.description ?? current?.description ?? '',
      tags: given.tags ? tags : (current?.tags ?? []),
    };
    after.set(
      change.key,
      current
        ? ({ ...current, ...meta, config } as Resource)
        : existing(change.kind, change.name, config, meta),
    );
  }
  return [...after.values()];
}

const names = ['a', 'b', 'c'];

describe('planSync: properties', () => {
  it('for random stored configs of every kind, the plan of their own declaration is empty', () => {
    fc.assert(
      fc.property(fc.tuple(...names.map(resourceArb)), (generated) => {
        const resources = [...TARGETS, ...generated.map(toExisting)];
        const plan = planOf({
          resources,
          tags: TAGS,
          declared: {
            resources: [
              ...TARGETS.map((t) => declared(t.kind, t.name)),
              ...generated.map(toDeclared),
            ],
          },
        });
        expect(plan.resources).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('for random stored and declared configs, applying the plan and planning again gives an empty plan', () => {
    fc.assert(
      fc.property(
        fc.tuple(...names.map(resourceArb)),
        fc.tuple(...[...names, 'd'].map(resourceArb)),
        (stored, wanted) => {
          const before = [...TARGETS, ...stored.map(toExisting)];
          const declaredSet = {
            resources: [...TARGETS.map((t) => declared(t.kind, t.name)), ...wanted.map(toDeclared)],
          };
          const first = planOf({ resources: before, tags: TAGS, declared: declaredSet });
          const after = applied(first, before);
          const again = planOf({ resources: after, tags: TAGS, declared: declaredSet });
          expect(again.resources).toEqual([]);
          expect(isEmptyPlan(again)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with a memo kept from plan to plan, every plan and its rendering are those planned without one', () => {
    const shown = (plan: SyncPlan, memo?: ReturnType<typeof createPlanMemo>) =>
      renderSyncInfo(plan, { resource: (view) => JSON.stringify(view) }, [], memo);
    fc.assert(
      fc.property(
        fc.tuple(...names.map(resourceArb)),
        fc.tuple(...[...names, 'd'].map(resourceArb)),
        (stored, wanted) => {
          const memo = createPlanMemo();
          // Frozen, as the reader's declarations are: the memo may keep what it finds of them.
          const declaredSet = deepFreeze({
            resources: [...TARGETS.map((t) => declared(t.kind, t.name)), ...wanted.map(toDeclared)],
          });
          const before = deepFreeze([...TARGETS, ...stored.map(toExisting)]);
          const given = { resources: before, tags: TAGS, declared: declaredSet };
          const first = planOf({ ...given, more: { memo } });
          expect(first).toStrictEqual(planOf(given));
          expect(shown(first, memo)).toStrictEqual(shown(first));
          const again = planOf({ ...given, more: { memo } });
          expect(again).toStrictEqual(first);
          expect(shown(again, memo)).toStrictEqual(shown(first));
          // Some resources replaced by what the plan writes, the others the same objects.
          const after = { ...given, resources: applied(first, before) };
          const next = planOf({ ...after, more: { memo } });
          expect(next).toStrictEqual(planOf(after));
          expect(shown(next, memo)).toStrictEqual(shown(next));
        },
      ),
      { numRuns: 150 },
    );
  });
});
