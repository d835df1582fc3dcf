import {
  type DeclaredSet,
  type ResourceKind,
  type SyncProblem,
  type SyncSource,
  variableNameKey,
} from '@monitor/domain';
import { afterCycles } from './after-cycles';
import { didYouMean } from './did-you-mean';
import { syncProblem } from './problems';
import { type Reference, resourceReferences, userGroupReferences } from './references';
import { tableOfKind } from './tables';

/** What already exists, by kind and name or id: what a declaration may name besides the files'. */
export type Exists = (kind: ResourceKind, nameOrId: string) => boolean;

/** A declaration's name and where it stands, whether or not the rest of it is in error. */
export interface DeclaredName {
  /** The singular table: 'deployment', 'variable', 'user_group'. */
  table: string;
  kind?: ResourceKind;
  name: string;
  source: SyncSource;
  /** Errors at secrets the file leaves out: they stand when the resource does not exist yet. */
  needsStored?: SyncProblem[];
}

interface Named {
  name: string;
  source: SyncSource;
  lines: Record<string, number>;
}

const lineOf = (item: Named, field: string) => item.lines[field] ?? item.source.line;
const at = (source: SyncSource) => `${source.file}:${source.line}`;

/**
 * Two declarations of one name in a kind, across files or in one: the later names the first.
 * Variables are one per spelling in any case, as Monitor stores them.
 */
function duplicates(names: DeclaredName[]): SyncProblem[] {
  const first = new Map<string, DeclaredName>();
  const problems: SyncProblem[] = [];
  for (const item of names) {
    const key = `${item.table}\u0000${item.table === 'variable' ? variableNameKey(item.name) : item.name}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, item);
    else {
      const message = `'${item.name}' is declared twice: here and at ${at(earlier.source)}`;
      const field = `${item.table}[${item.name}].name`;
      problems.push(syncProblem('error', item.source.file, item.source.line, field, message));
    }
  }
  return problems;
}

const DEPLOYED: ResourceKind[] = ['Deployment', 'Stack'];

/**
 * A secret the file leaves out keeps the stored value (as the export leaves secrets out); a
 * resource the sync would create has none, so what its create refuses there stands.
 */
function newWithoutSecrets(declared: DeclaredSet, names: DeclaredName[], exists: Exists) {
  const waiting = names.filter((n) => n.needsStored);
  if (!waiting.length) return [];
  const synced = new Set(declared.resources.map((r) => `${r.kind}\u0000${r.name}`));
  return waiting.flatMap(({ kind, name, needsStored }) =>
    kind && needsStored && synced.has(`${kind}\u0000${name}`) && !exists(kind, name)
      ? needsStored.map((problem) => ({
          ...problem,
          message: `${problem.message}: a new ${tableOfKind(kind)} needs it (only an existing one keeps its stored value)`,
        }))
      : [],
  );
}

/** Checks that need every file: duplicate names, references, `after` names and cycles. */
export function crossCheck(
  declared: DeclaredSet,
  declaredNames: DeclaredName[],
  exists: Exists,
): SyncProblem[] {
  const { resources, userGroups } = declared;
  const label = (r: { kind: ResourceKind; name: string }) => `${tableOfKind(r.kind)}[${r.name}]`;
  const problems = duplicates(declaredNames);
  const names = new Map<ResourceKind, Set<string>>();
  for (const { kind, name } of declaredNames) {
    if (kind) names.set(kind, (names.get(kind) ?? new Set()).add(name));
  }
  const known = (kind: ResourceKind, name: string) =>
    names.get(kind)?.has(name) || exists(kind, name);

  // The prefix is made only for a problem: most references name what exists.
  const check = (item: Named, prefixOf: () => string, refs: Reference[]) => {
    for (const ref of refs) {
      if (known(ref.kind, ref.target)) continue;
      const prefix = prefixOf();
      const hint = didYouMean(ref.target, names.get(ref.kind) ?? []);
      const consequence = ref.severity === 'error' ? '' : ': the permission is ignored';
      const message = `names ${ref.kind} '${ref.target}', which is neither declared nor existing${consequence}${hint}`;
      problems.push(
        syncProblem(
          ref.severity,
          item.source.file,
          lineOf(item, ref.field),
          `${prefix}.${ref.field}`,
          message,
        ),
      );
    }
  };
  for (const r of resources) check(r, () => label(r), resourceReferences(r));
  problems.push(...newWithoutSecrets(declared, declaredNames, exists));
  for (const g of userGroups) check(g, () => `user_group[${g.name}]`, userGroupReferences(g));

  const deployed = resources.filter((r) => DEPLOYED.includes(r.kind));
  const deployedNames = DEPLOYED.flatMap((kind) => [...(names.get(kind) ?? [])]);
  for (const r of deployed) {
    r.after.forEach((name, i) => {
      if (deployedNames.includes(name) || DEPLOYED.some((kind) => exists(kind, name))) return;
      const message = `'${name}' matches no Deployment or Stack: ignored${didYouMean(name, deployedNames)}`;
      problems.push(
        syncProblem(
          'warning',
          r.source.file,
          lineOf(r, `after.${i}`),
          `${label(r)}.after`,
          message,
        ),
      );
    });
  }
  for (const cycle of afterCycles(deployed)) {
    const first = deployed.find((r) => r.name === cycle[0]) ?? deployed[0];
    const message = `deploy order has a cycle: ${cycle.join(' -> ')}`;
    problems.push(
      syncProblem(
        'error',
        first.source.file,
        lineOf(first, 'after'),
        `${label(first)}.after`,
        message,
      ),
    );
  }
  return problems;
}
