import type { DeclaredResource, ResourceKind, SyncProblem } from '@monitor/domain';
import { checkDeclaredConfig } from './config-cache';
import type { Entry } from './entry';

/** Komodo's ResourceToml keys. */
const RESOURCE_KEYS = ['name', 'description', 'template', 'tags', 'deploy', 'after', 'config'];
const DEPLOYED: readonly ResourceKind[] = ['Deployment', 'Stack'];

/** Komodo's include_resource for syncs: no UI file contents, and a repo or files on the host. */
function syncable(config: Record<string, unknown>): boolean {
  const given = (key: string) => typeof config[key] === 'string' && config[key] !== '';
  return (
    !given('file_contents') &&
    (config.files_on_host === true || given('repo') || given('linked_repo'))
  );
}

/**
 * A `[[<kind>]]` table read into its declaration: header keys typed as Komodo types them, the
 * config checked as a write creating the resource would check it. Undefined when in error.
 * `needsStored` gets the errors at secrets the file leaves out, which only a new resource has.
 */
export function declareResource(
  kind: ResourceKind,
  entry: Entry,
  needsStored: SyncProblem[] = [],
): DeclaredResource | undefined {
  entry.warnUnknown(RESOURCE_KEYS);
  const name = entry.name();
  const description = entry.string('description');
  const template = entry.boolean('template');
  const tags = entry.strings('tags');
  const deploy = entry.boolean('deploy');
  const after = entry.strings('after');
  const config = entry.value.config === undefined ? {} : entry.table('config');
  if (!DEPLOYED.includes(kind)) {
    for (const key of ['deploy', 'after'] as const) {
      if (entry.value[key] !== undefined)
        entry.report('warning', key, `only Deployments and Stacks deploy: ignored on a ${kind}`);
    }
  }
  if (name === undefined || config === undefined) return undefined;
  const checked = checkDeclaredConfig(kind, name, config, entry.lines);
  for (const problem of checked.problems)
    entry.report(problem.severity, problem.field, problem.message);
  for (const problem of checked.needsStored ?? [])
    needsStored.push(entry.problem('error', problem.field, problem.message));
  if (!checked.config) return undefined;
  if (kind === 'ResourceSync' && !syncable(checked.config)) {
    const message =
      'only a sync reading git or host files is synced (Komodo skips one with UI files or no source): ignored';
    entry.report('warning', 'config', message);
    return undefined;
  }
  const isDeployed = DEPLOYED.includes(kind);
  return {
    kind,
    name,
    ...(description !== undefined && { description }),
    ...(tags !== undefined && { tags }),
    ...(template !== undefined && { template }),
    deploy: isDeployed && (deploy ?? false),
    after: isDeployed ? (after ?? []) : [],
    config: checked.config,
    source: { file: entry.lines.file, line: entry.lines.line },
    lines: entry.lines.keyLines(),
  };
}
