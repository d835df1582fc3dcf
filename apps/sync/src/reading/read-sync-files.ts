import type { DeclaredSet, SyncFile, SyncProblem } from '@monitor/domain';
import { type DeclaredName, type Exists, crossCheck } from './cross-checks';
import { declareResource } from './declare-resource';
import { declareUserGroup } from './declare-user-group';
import { declareVariable } from './declare-variable';
import { describeValue } from './describe-value';
import { didYouMean } from './did-you-mean';
import { Entry } from './entry';
import { EntryLines, linesByEntry } from './entry-lines';
import { type ParsedFile, parseSyncFile } from './parse-file';
import { sortProblems, syncProblem } from './problems';
import { ALL_TABLES, singularOf, tableRole } from './tables';
import { isTable } from './is-table';

export interface ReadSyncOptions {
  /** What already exists, for the names a declaration gives. */
  exists: Exists;
  /** The sync's `match_tags`: only resources carrying every one are read (Komodo's filter). */
  matchTags?: string[];
}

export interface ReadSync {
  declared: DeclaredSet;
  /** Errors (any: plan nothing) and warnings, errors first, each at its file:line:field. */
  problems: SyncProblem[];
}

interface Reading {
  declared: DeclaredSet;
  names: DeclaredName[];
  problems: SyncProblem[];
}

function readTable(
  file: ParsedFile,
  key: string,
  byEntry: Map<string, Map<string, number>>,
  { declared, names, problems }: Reading,
) {
  const line = file.lines.get(key) ?? 1;
  const singular = singularOf(key);
  const role = tableRole(singular);
  const value = file.document[key];
  const report = (severity: 'error' | 'warning', message: string) =>
    problems.push(syncProblem(severity, file.path, line, key, message));
  if (!role)
    return report(
      'warning',
      `unknown table '${key}', ignored as Komodo does${didYouMean(key, ALL_TABLES)}`,
    );
  if (singular !== key && Object.hasOwn(file.document, singular))
    return report('error', `give [[${singular}]] or [[${key}]], not both`);
  if (!Array.isArray(value) || !value.every(isTable))
    return report('error', `must be tables, written [[${singular}]] (got ${describeValue(value)})`);
  if (role.role === 'lacking')
    return report('warning', `Monitor has no ${role.kind}: ${value.length} declaration(s) ignored`);
  value.forEach((item, index) => {
    const base = `${key}.${index}`;
    const lines = new EntryLines(
      file.path,
      file.lines.get(base) ?? line,
      byEntry.get(base) ?? new Map(),
    );
    const entry = new Entry(singular, index, item, lines, problems);
    if (typeof item.name === 'string' && item.name) {
      const kind = role.role === 'resource' ? role.kind : undefined;
      names.push({
        table: singular,
        kind,
        name: item.name,
        source: { file: file.path, line: lines.lineOf('name') },
      });
    }
    if (role.role === 'resource') {
      const resource = declareResource(role.kind, entry);
      if (resource) declared.resources.push(resource);
    } else if (role.role === 'variable') {
      const variable = declareVariable(entry);
      if (variable) declared.variables.push(variable);
    } else {
      const group = declareUserGroup(entry);
      if (group) declared.userGroups.push(group);
    }
  });
}

/**
 * A sync's files read into what they declare, as Komodo reads them, and checked up front for
 * what Komodo would only find halfway through applying (duplicate names across files, names of
 * nothing, `after` cycles). Any error in `problems`: the caller plans nothing.
 */
export function readSyncFiles(files: SyncFile[], options: ReadSyncOptions): ReadSync {
  const reading: Reading = {
    declared: { resources: [], variables: [], userGroups: [] },
    names: [],
    problems: [],
  };
  const { declared, names, problems } = reading;
  for (const file of files) {
    const parsed = parseSyncFile(file);
    if ('document' in parsed) {
      const byEntry = linesByEntry(parsed.lines);
      for (const key of Object.keys(parsed.document)) readTable(parsed, key, byEntry, reading);
    } else problems.push(parsed);
  }
  const matchTags = options.matchTags ?? [];
  declared.resources = declared.resources.filter((r) =>
    matchTags.every((t) => r.tags?.includes(t)),
  );
  problems.push(...crossCheck(declared, names, options.exists));
  return { declared, problems: sortProblems(problems) };
}
