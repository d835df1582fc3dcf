import type { DeclaredSet, SyncFile, SyncProblem } from '@monitor/domain';
import { type DeclaredName, type Exists, crossCheck } from './cross-checks';
import { readSyncFileCached } from './file-cache';
import { sortProblems } from './problems';

export interface ReadSyncOptions {
  /** What already exists, for the names a declaration gives. */
  exists: Exists;
  /** The sync's `match_tags`: only resources carrying every one are read (Komodo's filter). */
  matchTags?: string[];
}

export interface ReadSync {
  /** Frozen: each file's declarations are shared with every later read of the same text. */
  declared: DeclaredSet;
  /** Errors (any: plan nothing) and warnings, errors first, each at its file:line:field. */
  problems: SyncProblem[];
}

/**
 * A sync's files read into what they declare, as Komodo reads them, and checked up front for
 * what Komodo would only find halfway through applying (duplicate names across files, names of
 * nothing, `after` cycles). Any error in `problems`: the caller plans nothing.
 */
export function readSyncFiles(files: SyncFile[], options: ReadSyncOptions): ReadSync {
  const declared: DeclaredSet = { resources: [], variables: [], userGroups: [] };
  const names: DeclaredName[] = [];
  const problems: SyncProblem[] = [];
  for (const file of files) {
    const reading = readSyncFileCached(file);
    declared.resources.push(...reading.declared.resources);
    declared.variables.push(...reading.declared.variables);
    declared.userGroups.push(...reading.declared.userGroups);
    names.push(...reading.names);
    problems.push(...reading.problems);
  }
  const matchTags = options.matchTags ?? [];
  declared.resources = declared.resources.filter((r) =>
    matchTags.every((t) => r.tags?.includes(t)),
  );
  problems.push(...crossCheck(declared, names, options.exists));
  return { declared, problems: sortProblems(problems) };
}
