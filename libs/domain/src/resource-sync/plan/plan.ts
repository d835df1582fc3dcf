import { canonicalJson } from './canonical';
import { danglingReferences } from './dangling';
import { deployTargets } from './deploys';
import { declaresNothing, deleteGuard } from './guard';
import { applyOrder } from './order';
import { resourceChanges } from './resource-changes';
import type { ChangeAction, FieldDiff, PlanInput, SyncPlan } from './types';
import { userGroupChanges } from './user-group-changes';
import { variableChanges } from './variable-changes';

interface Shown {
  key: string;
  action: ChangeAction;
  fields: FieldDiff[];
}

const byKey = (a: Shown, b: Shown) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const shown = (changes: Shown[]) =>
  changes.map(({ key, action, fields }) => ({ key, action, fields })).sort(byKey);

/**
 * The plan of a sync: its declarations beside what exists, change by change and field by field,
 * the order to apply them, the delete guard and the deploys. Pure: everything it reads is given.
 * Its `proposed` values carry what a change writes, plaintext secrets included: store and answer
 * only what `renderSyncInfo` makes of it.
 */
export function planSync(input: PlanInput): SyncPlan {
  const resources = resourceChanges(input);
  const variables = variableChanges(input);
  const userGroups = userGroupChanges(input);
  const nothingDeclared = declaresNothing(input.declared);
  const all = [...resources.changes, ...variables.changes, ...userGroups.changes];
  const deletes = all.filter((c) => c.action === 'Delete').length;
  // A set declaring nothing never deletes: the deletes are withheld, and counted.
  const kept = <C extends { action: ChangeAction }>(changes: C[]) =>
    nothingDeclared ? changes.filter((c) => c.action !== 'Delete') : changes;
  const plan = {
    resources: kept(resources.changes),
    variables: kept(variables.changes),
    userGroups: kept(userGroups.changes),
  };
  const scope = resources.scope + variables.scope + userGroups.scope;
  const guard = nothingDeclared
    ? deleteGuard(0, scope, true, deletes)
    : deleteGuard(deletes, scope, false, 0);
  const deploys = deployTargets(input, plan.resources);
  const reviewed = {
    resources: shown(plan.resources),
    variables: shown(plan.variables),
    userGroups: shown(plan.userGroups),
    deploys,
  };
  return {
    ...plan,
    steps: applyOrder(plan.resources, plan.variables, plan.userGroups),
    guard,
    deploys,
    hash: input.hash(canonicalJson(reviewed)),
    warnings: danglingReferences(input, plan.resources),
  };
}

/** Nothing to create, update, delete or deploy: the sync is in step with its files. */
export function isEmptyPlan(plan: SyncPlan): boolean {
  return (
    !plan.resources.length &&
    !plan.variables.length &&
    !plan.userGroups.length &&
    !plan.deploys.length
  );
}
