import type { DeclaredResource } from '../declared';
import { resourceKey } from './order';
import { declaredInScope } from './scope';
import type { DeployTarget, PlanInput, ResourceChange } from './types';

type ContainerKind = 'Deployment' | 'Stack';

/** The config fields whose change Komodo redeploys for (sync/deploy.rs): what `docker run` sees. */
export const DEPLOYMENT_CONTAINER_FIELDS: readonly string[] = [
  'server_id',
  'image',
  'image_registry_account',
  'skip_secret_interp',
  'network',
  'restart',
  'command',
  'extra_args',
  'ports',
  'volumes',
  'environment',
  'labels',
];

/** ... and what `docker compose` sees. */
export const STACK_CONTAINER_FIELDS: readonly string[] = [
  'server_id',
  'project_name',
  'run_directory',
  'file_paths',
  'file_contents',
  'skip_secret_interp',
  'extra_args',
  'environment',
  'env_file_path',
  'additional_env_files',
  'linked_repo',
  'repo',
  'branch',
  'commit',
  'compose_cmd_wrapper',
];

const isContainerKind = (kind: string): kind is ContainerKind =>
  kind === 'Deployment' || kind === 'Stack';

const containerFieldChanged = (change: ResourceChange | undefined) => {
  if (change?.action !== 'Update') return false;
  const fields = change.kind === 'Stack' ? STACK_CONTAINER_FIELDS : DEPLOYMENT_CONTAINER_FIELDS;
  return change.fields.some(
    (f) => fields.includes(f.path.split('.')[1] ?? '') && f.path.startsWith('config.'),
  );
};

/**
 * Komodo's pending deploys: each `deploy = true` Deployment or Stack the sync creates, whose
 * container fields change, whose container is not running (an `unknown` one never deploys),
 * whose compose files changed, or one of whose `after` deploys. `after` keeps only targets that
 * deploy; the list comes in rounds (a target after every one it waits for), then kind and name.
 */
export function deployTargets(input: PlanInput, changes: ResourceChange[]): DeployTarget[] {
  if (!input.sync.config.include_resources) return [];
  // Only a `deploy = true` declaration deploys, of itself or after its `after`.
  if (!input.declared.resources.some((d) => d.deploy)) return [];
  const declared = new Map<string, DeclaredResource>();
  for (const d of input.declared.resources) {
    if (isContainerKind(d.kind) && declaredInScope(input, d))
      declared.set(resourceKey(d.kind, d.name), d);
  }
  const existing = new Map(input.resources.map((r) => [resourceKey(r.kind, r.name), r]));
  const byKey = new Map(changes.map((c) => [c.key, c]));
  const known = (kind: ContainerKind, name: string) =>
    existing.has(resourceKey(kind, name)) || declared.has(resourceKey(kind, name));
  const afterOf = (d: DeclaredResource): { kind: ContainerKind; name: string }[] =>
    d.after.flatMap((name) => {
      const kind: ContainerKind | undefined = known('Deployment', name)
        ? 'Deployment'
        : known('Stack', name)
          ? 'Stack'
          : undefined;
      return kind ? [{ kind, name }] : [];
    });

  const reasons = new Map<string, string | null>();
  const reasonFor = (key: string): string | null => {
    if (reasons.has(key)) return reasons.get(key) ?? null;
    reasons.set(key, null); // an `after` cycle (the reader refuses them) ends here
    const d = declared.get(key);
    const own = d ? ownReason(input, d, existing.get(key), byKey.get(key)) : false;
    const reason = own === false ? null : (own ?? parentReason(d as DeclaredResource));
    reasons.set(key, reason);
    return reason;
  };
  const parentReason = (d: DeclaredResource): string | null => {
    for (const parent of afterOf(d)) {
      if (reasonFor(resourceKey(parent.kind, parent.name)) !== null) {
        return `${parent.kind} parent dependency '${parent.name}' is deploying`;
      }
    }
    return null;
  };

  const targets = [...declared.keys()].filter((key) => reasonFor(key) !== null);
  const deploying = new Set(targets);
  const rounds = new Map<string, number>();
  const roundOf = (key: string, seen = new Set<string>()): number => {
    if (rounds.has(key)) return rounds.get(key) ?? 1;
    if (seen.has(key)) return 1;
    seen.add(key);
    const d = declared.get(key);
    const parents = d ? afterOf(d).map((p) => resourceKey(p.kind, p.name)) : [];
    const round =
      1 + Math.max(0, ...parents.filter((p) => deploying.has(p)).map((p) => roundOf(p, seen)));
    rounds.set(key, round);
    return round;
  };
  return targets
    .sort((a, b) => roundOf(a) - roundOf(b) || a.localeCompare(b))
    .map((key) => {
      const d = declared.get(key) as DeclaredResource;
      const after = afterOf(d)
        .filter((p) => deploying.has(resourceKey(p.kind, p.name)))
        .map((p) => ({ type: p.kind, id: p.name }));
      return {
        target: { type: d.kind as ContainerKind, id: d.name },
        reason: reasons.get(key) as string,
        after,
      };
    });
}

/** Why it deploys of itself; `false`: it does not, whatever its `after` do; `null`: only if they do. */
function ownReason(
  input: PlanInput,
  d: DeclaredResource,
  found: { id: string } | undefined,
  change: ResourceChange | undefined,
): string | false | null {
  if (!d.deploy) return false;
  if (!found) return 'deploy on creation';
  const kind = d.kind as ContainerKind;
  const label = kind.toLowerCase();
  const state = input.containerState?.(kind, found.id);
  if (state === 'unknown') return false;
  if (state !== undefined && state !== 'running') return `${label} has ${state} state`;
  const file = kind === 'Stack' ? input.changedComposeFile?.(found.id) : undefined;
  if (file) return `File contents for ${file} have changed`;
  if (containerFieldChanged(change)) return `${label} config has changed`;
  return null;
}
