import type {
  ChangeAction,
  DeployTarget,
  FieldDiff,
  KindOrder,
  PlanDiffData,
  PlanResourceDiff,
  SyncDiffData,
  SyncPending,
  SyncProblem,
} from '@monitor/contracts';

/**
 * GetResourceSync's `info` as the gateway answers it (apps/gateway/src/api/read/sync-info.ts):
 * Komodo's ResourceSyncInfo with Monitor's additions (each change's fields, the problems at
 * file:line:field, the delete guard, the commit read).
 */
export type SyncInfoView = Partial<SyncPending> & {
  last_sync_ts?: number;
  last_sync_hash?: string;
  last_sync_message?: string;
};

/** One change of the plan, whatever it changes, as the page lists it. */
export interface PlanChange {
  /** Unique in the plan: `<kind>:<name>`. */
  key: string;
  /** A resource kind, or `Variable` / `UserGroup`. */
  kind: string;
  name: string;
  /** The existing resource's id (a resource's Update or Delete). */
  id?: string;
  action: ChangeAction;
  fields: FieldDiff[];
  /** The TOML before (Update, Delete) and after (Create, Update); masked secrets left out. */
  current?: string;
  proposed?: string;
  /** A resource: RunSync can apply it alone (`resource_type` and `resources`). */
  resource: boolean;
}

export interface PlanGroup {
  title: string;
  changes: PlanChange[];
}

/**
 * The domain's order of applying kinds (`KIND_ORDER`), so the page reads in the order the run goes.
 * The bundle takes no values from the libs: its type is the domain's exact list, so the compiler
 * refuses any other.
 */
const KIND_ORDER: KindOrder = [
  'Server',
  'ServerTemplate',
  'Alerter',
  'Action',
  'Builder',
  'Repo',
  'Build',
  'Stack',
  'ResourceSync',
  'Deployment',
  'Procedure',
];
const KINDS_IN_ORDER: readonly string[] = KIND_ORDER;

const NAME_LINE = /^name\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*$/m;

/** The `name = ...` of a rendered TOML entry (the renderers write it right under the table). */
export function nameInToml(toml: string | undefined): string | undefined {
  const quoted = toml?.match(NAME_LINE)?.[1];
  if (!quoted) return undefined;
  if (quoted.startsWith("'")) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    // A TOML escape JSON lacks (\U0001F600): the text between the quotes still names it.
    return quoted.slice(1, -1);
  }
}

function sides(data: SyncDiffData): { current?: string; proposed?: string } {
  if (data.type === 'Create') return { proposed: data.data.proposed };
  if (data.type === 'Update') return { current: data.data.current, proposed: data.data.proposed };
  return { current: data.data.current };
}

function nameOf(data: SyncDiffData): string | undefined {
  return data.type === 'Create' ? data.data.name : undefined;
}

function fromResource(diff: PlanResourceDiff): PlanChange {
  const { current, proposed } = sides(diff.data);
  const name = nameOf(diff.data) ?? nameInToml(current ?? proposed) ?? diff.target.id;
  return {
    key: `${diff.target.type}:${name}`,
    kind: diff.target.type,
    name,
    id: diff.target.id || undefined,
    action: diff.data.type,
    fields: diff.fields,
    current,
    proposed,
    resource: true,
  };
}

function fromOther(kind: 'Variable' | 'UserGroup', diff: PlanDiffData, index: number): PlanChange {
  const { current, proposed } = sides(diff);
  const name = nameOf(diff) ?? nameInToml(current ?? proposed) ?? `#${index + 1}`;
  return {
    key: `${kind}:${name}`,
    kind,
    name,
    action: diff.type,
    fields: diff.fields,
    current,
    proposed,
    resource: false,
  };
}

/** Every change of the plan: resources, then variables, then user groups. */
export function planChanges(info: SyncInfoView): PlanChange[] {
  return [
    ...(info.resource_updates ?? []).map(fromResource),
    ...(info.variable_updates ?? []).map((d, i) => fromOther('Variable', d, i)),
    ...(info.user_group_updates ?? []).map((d, i) => fromOther('UserGroup', d, i)),
  ];
}

const TITLES: Record<string, string> = {
  Variable: 'Variables',
  UserGroup: 'User groups',
  ServerTemplate: 'Server templates',
  ResourceSync: 'Resource syncs',
};

const rank = (kind: string) => {
  if (kind === 'Variable') return KINDS_IN_ORDER.length;
  if (kind === 'UserGroup') return KINDS_IN_ORDER.length + 1;
  const at = KINDS_IN_ORDER.indexOf(kind);
  return at < 0 ? KINDS_IN_ORDER.length + 2 : at;
};

const ACTION_ORDER: Record<ChangeAction, number> = { Create: 0, Update: 1, Delete: 2 };

/**
 * The changes by kind, kinds in the order a run applies them (variables and user groups last);
 * in a kind, creates, then updates, then deletes, each by name.
 */
export function groupPlan(changes: PlanChange[]): PlanGroup[] {
  const byKind = new Map<string, PlanChange[]>();
  for (const change of changes)
    byKind.set(change.kind, [...(byKind.get(change.kind) ?? []), change]);
  return [...byKind.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({
      title: TITLES[kind] ?? `${kind}s`,
      changes: [...list].sort(
        (a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || a.name.localeCompare(b.name),
      ),
    }));
}

/** How many creates, updates and deletes: "2 to create · 1 to delete". */
export function planSummary(changes: PlanChange[], deploys: number): string {
  const count = (action: ChangeAction) => changes.filter((c) => c.action === action).length;
  const parts = [
    [count('Create'), 'to create'],
    [count('Update'), 'to update'],
    [count('Delete'), 'to delete'],
    [deploys, 'to deploy'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length ? said.join(' · ') : 'Nothing to change: the sync is in step with its files.';
}

/** `file:line:field: message`, as the reader writes every problem. */
export function formatProblem(problem: SyncProblem): string {
  return `${problem.file}:${problem.line}:${problem.field}: ${problem.message}`;
}

/** The problems, errors apart from warnings, each in file order (by file, then line). */
export function problemsBySeverity(problems: readonly SyncProblem[] | undefined): {
  errors: string[];
  warnings: string[];
} {
  const sorted = [...(problems ?? [])].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
  const of = (severity: SyncProblem['severity']) =>
    sorted.filter((p) => p.severity === severity).map(formatProblem);
  return { errors: of('error'), warnings: of('warning') };
}

/** Whether RunSync has something to apply: a plan was made and it changes or deploys something. */
export function canRun(info: SyncInfoView): boolean {
  if (info.pending_error || !info.pending_hash) return false;
  return planChanges(info).length > 0 || (info.pending_deploys?.length ?? 0) > 0;
}

/** What the Run dialog must have typed before it sends `confirm_deletes` (none: not asked). */
export function deletesToConfirm(info: SyncInfoView): number | undefined {
  const guard = info.pending_delete_guard;
  return guard?.needsConfirm ? guard.deletes : undefined;
}

/** A deploy the run makes after its changes: "Deployment web: reason (after Stack db)". */
export function describeDeploy(deploy: DeployTarget): string {
  const { target, reason, after } = deploy;
  const waits = after.length ? ` (after ${after.map((a) => `${a.type} ${a.id}`).join(', ')})` : '';
  return `${target.type} ${target.id}: ${reason}${waits}`;
}
