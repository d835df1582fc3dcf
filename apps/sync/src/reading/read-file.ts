import type { SyncFile, SyncProblem } from '@monitor/domain';
import type { DeclaredName } from './cross-checks';
import { describeValue } from './describe-value';
import { didYouMean } from './did-you-mean';
import { readEntryCached } from './entry-cache';
import { linesByEntry } from './entry-lines';
import { type ParsedFile, parseSyncFile } from './parse-file';
import { syncProblem } from './problems';
import { ALL_TABLES, singularOf, tableRole } from './tables';
import { isTable } from './is-table';
import type { DeclaredSet } from '@monitor/domain';

/** What one file declares, and its own problems: all but the checks that need every file. */
export interface FileReading {
  declared: DeclaredSet;
  names: DeclaredName[];
  problems: SyncProblem[];
}

function readTable(
  file: ParsedFile,
  key: string,
  byEntry: Map<string, Map<string, number>>,
  { declared, names, problems }: FileReading,
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
    const reading = readEntryCached({
      file: file.path,
      table: singular,
      role,
      index,
      value: item,
      line: file.lines.get(base) ?? line,
      lines: byEntry.get(base) ?? new Map(),
    });
    if (reading.name) names.push(reading.name);
    if (reading.resource) declared.resources.push(reading.resource);
    if (reading.variable) declared.variables.push(reading.variable);
    if (reading.userGroup) declared.userGroups.push(reading.userGroup);
    problems.push(...reading.problems);
  });
}

/**
 * One file read into what it declares, as Komodo reads it: a pure function of its path and
 * text (what exists and `match_tags` come in later), so its answer may be kept for the next read.
 */
export function readSyncFile(file: SyncFile): FileReading {
  const reading: FileReading = {
    declared: { resources: [], variables: [], userGroups: [] },
    names: [],
    problems: [],
  };
  const parsed = parseSyncFile(file);
  if (!('document' in parsed)) {
    reading.problems.push(parsed);
    return reading;
  }
  const byEntry = linesByEntry(parsed.lines);
  for (const key of Object.keys(parsed.document)) readTable(parsed, key, byEntry, reading);
  return reading;
}
