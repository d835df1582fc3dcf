import type { SyncProblem } from '../declared';
import { maskedConfig, type PlanMemo } from './memo';
import type {
  DeleteGuard,
  DeployTarget,
  FieldDiff,
  ResourceView,
  SyncPlan,
  UserGroupView,
  VariableChange,
  VariableProposal,
} from './types';

/** Komodo's DiffData: the TOML before and after. */
export type SyncDiffData =
  | { type: 'Create'; data: { name: string; proposed: string } }
  | { type: 'Update'; data: { proposed: string; current: string } }
  | { type: 'Delete'; data: { current: string } };

/** ... with Monitor's field by field diff beside it. */
export type PlanDiffData = SyncDiffData & { fields: FieldDiff[] };

/** Komodo's ResourceDiff (the target id is empty on a Create), with the fields beside it. */
export interface PlanResourceDiff {
  target: { type: ResourceView['kind']; id: string };
  data: SyncDiffData;
  fields: FieldDiff[];
}

/** The pending fields of Komodo's ResourceSyncInfo, and Monitor's additions. */
export interface RenderedSyncInfo {
  resource_updates: PlanResourceDiff[];
  variable_updates: PlanDiffData[];
  user_group_updates: PlanDiffData[];
  pending_deploys: DeployTarget[];
  pending_hash: string;
  pending_problems: SyncProblem[];
  pending_delete_guard: DeleteGuard;
}

/**
 * TOML renderers: the resource one is the exporter's (references and tags by name in what it
 * is given, secrets already masked: it leaves them out), the others default to Komodo's layout.
 */
export interface SyncRenderers {
  resource: (resource: ResourceView) => string;
  variable?: (variable: VariableProposal) => string;
  userGroup?: (group: UserGroupView) => string;
}

const str = (value: string) => JSON.stringify(value);

/** Komodo's `[[variable]]` block; a secret's value is left out (it stays where it is stored). */
export function planVariableToml(variable: VariableProposal): string {
  const lines = ['[[variable]]', `name = ${str(variable.name)}`];
  if (!variable.is_secret && variable.value !== undefined)
    lines.push(`value = ${str(variable.value)}`);
  if (variable.description) lines.push(`description = ${str(variable.description)}`);
  if (variable.is_secret) lines.push('is_secret = true');
  return lines.join('\n');
}

const specifics = (specific: string[]) => `[${specific.map(str).join(', ')}]`;

/** Komodo's `[[user_group]]` block (sync/user_groups.rs `user_group_to_toml`). */
export function planUserGroupToml(group: UserGroupView): string {
  const lines = ['[[user_group]]', `name = ${str(group.name)}`];
  if (group.everyone) lines.push('everyone = true');
  else if (group.users.length) lines.push(`users = [${group.users.map(str).join(', ')}]`);
  for (const [kind, grant] of Object.entries(group.all)) {
    if (!grant) continue;
    lines.push(
      grant.specific.length
        ? `all.${kind} = { level = ${str(grant.level)}, specific = ${specifics(grant.specific)} }`
        : `all.${kind} = ${str(grant.level)}`,
    );
  }
  if (group.permissions.length) {
    lines.push('permissions = [');
    for (const p of group.permissions) {
      const target = `{ type = ${str(p.target.type)}, id = ${str(p.target.name)} }`;
      const specific = p.specific.length ? `, specific = ${specifics(p.specific)}` : '';
      lines.push(`  { target = ${target}, level = ${str(p.level)}${specific} },`);
    }
    lines.push(']');
  }
  return lines.join('\n');
}

function diffData<T>(
  change: { action: 'Create' | 'Update' | 'Delete'; name: string; current?: T; proposed?: T },
  render: (value: T) => string,
): SyncDiffData {
  const text = (value: T | undefined) => (value === undefined ? '' : render(value));
  switch (change.action) {
    case 'Create':
      return { type: 'Create', data: { name: change.name, proposed: text(change.proposed) } };
    case 'Update':
      return {
        type: 'Update',
        data: { proposed: text(change.proposed), current: text(change.current) },
      };
    case 'Delete':
      return { type: 'Delete', data: { current: text(change.current) } };
  }
}

const shownVariable = (change: VariableChange) => ({
  ...change,
  proposed: change.proposed && {
    ...change.proposed,
    value: change.proposed.is_secret ? undefined : change.proposed.value,
  },
});

/**
 * The plan as the sync stores and answers it (Komodo's ResourceSyncInfo pending fields): each
 * change as Komodo's TOML diff plus its fields, the deploys, the hash, the reader's problems
 * with the plan's warnings, and the delete guard. No secret value reaches it. `memo`: the
 * plan's (masked configs are kept with it, so an unchanged view reaches the renderer as the
 * same config object).
 */
export function renderSyncInfo(
  plan: SyncPlan,
  renderers: SyncRenderers,
  problems: SyncProblem[] = [],
  memo?: PlanMemo,
): RenderedSyncInfo {
  const resource = (view: ResourceView) =>
    renderers.resource({ ...view, config: maskedConfig(view.kind, view.config, memo) });
  return {
    resource_updates: plan.resources.map((change) => ({
      target: { type: change.kind, id: change.id ?? '' },
      data: diffData(change, resource),
      fields: change.fields,
    })),
    variable_updates: plan.variables.map((change) => ({
      ...diffData(shownVariable(change), renderers.variable ?? planVariableToml),
      fields: change.fields,
    })),
    user_group_updates: plan.userGroups.map((change) => ({
      ...diffData(change, renderers.userGroup ?? planUserGroupToml),
      fields: change.fields,
    })),
    pending_deploys: plan.deploys,
    pending_hash: plan.hash,
    pending_problems: [...problems, ...plan.warnings],
    pending_delete_guard: plan.guard,
  };
}
