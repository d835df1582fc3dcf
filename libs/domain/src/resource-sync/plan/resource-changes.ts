import type { ResourceKind } from '../../kinds';
import type { DeclaredResource } from '../declared';
import { differingPaths, fieldsAt } from './field-diff';
import { configPaths, keepChange, keptChange, maskedConfig, type PlanMemo } from './memo';
import { currentView, proposedView } from './normalize';
import { withDefaults } from './with-defaults';
import { resourceKey } from './order';
import { declaredInScope, deletesUndeclared, existingInScope } from './scope';
import type { PlanInput, ResourceChange, ResourceView } from './types';

/** The view's fields as a diff sees them, secrets masked or not. */
function comparable(view: ResourceView, masked: boolean, memo: PlanMemo | undefined) {
  return {
    description: view.description,
    tags: view.tags,
    template: view.template,
    config: masked ? maskedConfig(view.kind, view.config, memo) : view.config,
  };
}

const metaOf = ({ description, tags, template }: ResourceView) => ({ description, tags, template });

/** The paths that differ, as differingPaths of the comparable views orders them. */
function viewPaths(current: ResourceView, proposed: ResourceView, memo: PlanMemo | undefined) {
  const config = configPaths(current.config, proposed.config, memo).map((p) => ['config', ...p]);
  // `config` sorts before every meta key.
  return [...config, ...differingPaths(metaOf(current), metaOf(proposed))];
}

function diffViews(current: ResourceView, proposed: ResourceView, memo: PlanMemo | undefined) {
  return fieldsOf(viewPaths(current, proposed, memo), current, proposed, memo);
}

/** The fields at these paths, secrets masked. */
function fieldsOf(
  paths: string[][],
  current: ResourceView,
  proposed: ResourceView,
  memo: PlanMemo | undefined,
) {
  // Most resources are unchanged: masking only for the ones that differ.
  if (!paths.length) return [];
  return fieldsAt(paths, {
    current: comparable(current, true, memo),
    proposed: comparable(proposed, true, memo),
  });
}

/** What a resource is before anything is set: what a Create is shown against. */
function blankView(kind: ResourceKind, name: string): ResourceView {
  const config = withDefaults(kind, {});
  return {
    kind,
    name,
    description: '',
    tags: [],
    template: false,
    config,
    deploy: false,
    after: [],
  };
}

const nullSide = (fields: ResourceChange['fields'], side: 'current' | 'proposed') =>
  fields.map((f) => ({ ...f, [side]: null }));

const META = ['description', 'tags', 'template'] as const;

/** The meta fields that differ (all against a blank view, on a Create), with their new values. */
function metaPatch(paths: string[][], proposed: ResourceView): ResourceChange['metaPatch'] {
  const changed = META.filter((key) => paths.some((p) => p[0] === key));
  return Object.fromEntries(changed.map((key) => [key, proposed[key]]));
}

/** The top-level config keys that differ (of the views' paths), with their new values: what an update writes. */
function configPatch(paths: string[][], proposed: ResourceView): Record<string, unknown> {
  const keys = new Set(paths.filter((p) => p[0] === 'config').map((p) => p[1]));
  return Object.fromEntries([...keys].map((key) => [key, proposed.config[key]]));
}

/** A declared resource beside the existing one of its kind and name: Create, Update, or none. */
function declaredChange(
  input: PlanInput,
  declared: DeclaredResource,
  found: PlanInput['resources'][number] | undefined,
): ResourceChange | null {
  const key = resourceKey(declared.kind, declared.name);
  const proposed = proposedView(declared, found, input.lookup, input.secretMatches, input.memo);
  if (!found) {
    const blank = blankView(declared.kind, declared.name);
    const paths = viewPaths(blank, proposed, input.memo);
    const fields = nullSide(fieldsOf(paths, blank, proposed, input.memo), 'current');
    const base = { key, kind: declared.kind, name: declared.name, fields, proposed };
    const meta = metaPatch(paths, proposed);
    return { ...base, action: 'Create', configPatch: proposed.config, metaPatch: meta };
  }
  const current = currentView(found, input.lookup, declared, input.memo);
  const paths = viewPaths(current, proposed, input.memo);
  if (!paths.length) return null;
  const fields = fieldsOf(paths, current, proposed, input.memo);
  const patch = configPatch(paths, proposed);
  const base = { key, kind: declared.kind, name: declared.name, id: found.id, fields };
  const meta = metaPatch(paths, proposed);
  return { ...base, action: 'Update', current, proposed, configPatch: patch, metaPatch: meta };
}

/**
 * Each declared resource beside the one of its kind and name: Create, Update (only when a
 * field differs) or, with `delete`, Delete for what is in scope and no longer declared at all.
 * `scope`: how many existing resources the sync could delete.
 */
export function resourceChanges(input: PlanInput): { changes: ResourceChange[]; scope: number } {
  if (!input.sync.config.include_resources) return { changes: [], scope: 0 };
  const existing = new Map(input.resources.map((r) => [resourceKey(r.kind, r.name), r]));
  const changes: ResourceChange[] = [];
  for (const declared of input.declared.resources) {
    if (!declaredInScope(input, declared)) continue;
    const found = existing.get(resourceKey(declared.kind, declared.name));
    let change = keptChange(input.memo, declared, found, input.lookup);
    if (change === undefined) {
      change = declaredChange(input, declared, found);
      keepChange(input.memo, declared, found, input.lookup, change);
    }
    if (change) changes.push(change);
  }
  const inScope = input.resources.filter((r) => existingInScope(input, r));
  if (deletesUndeclared(input.sync.config)) {
    const declaredKeys = new Set(input.declared.resources.map((d) => resourceKey(d.kind, d.name)));
    for (const resource of inScope) {
      const key = resourceKey(resource.kind, resource.name);
      if (declaredKeys.has(key)) continue;
      const current = currentView(resource, input.lookup, undefined, input.memo);
      const fields = nullSide(
        diffViews(current, blankView(resource.kind, resource.name), input.memo),
        'proposed',
      );
      const base = { key, kind: resource.kind, name: resource.name, id: resource.id, fields };
      changes.push({ ...base, action: 'Delete', current, configPatch: {}, metaPatch: {} });
    }
  }
  return { changes, scope: inScope.length };
}
