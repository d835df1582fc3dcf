import type {
  DeclaredResource,
  DeclaredUserGroup,
  DeclaredVariable,
  SyncProblem,
} from '@monitor/domain';
import type { DeclaredName } from './cross-checks';
import { declareResource } from './declare-resource';
import { declareUserGroup } from './declare-user-group';
import { declareVariable } from './declare-variable';
import { Entry } from './entry';
import { EntryLines } from './entry-lines';
import type { TableRole } from './tables';

/** One `[[<table>]]` entry of a file, as parsed, and where it stands. */
export interface EntryInput {
  file: string;
  /** The singular table name ('stack'). */
  table: string;
  role: Exclude<TableRole, { role: 'lacking' }>;
  /** Its place among the table's entries: a problem names an entry without a name by it. */
  index: number;
  value: Record<string, unknown>;
  /** The line of its header. */
  line: number;
  /** Its keys' lines, by dotted path from it (see linesByEntry). */
  lines: Map<string, number>;
}

/** What one entry declares (one at most, none when in error), its name, and its problems. */
export interface EntryReading {
  resource?: DeclaredResource;
  variable?: DeclaredVariable;
  userGroup?: DeclaredUserGroup;
  name?: DeclaredName;
  problems: SyncProblem[];
}

/**
 * One entry read into its declaration: a pure function of what `EntryInput` holds (its name or,
 * without one, its index; nothing else of the file). `value` is converted in place.
 */
export function readEntry(input: EntryInput): EntryReading {
  const { file, table, role, index, value } = input;
  const problems: SyncProblem[] = [];
  const lines = new EntryLines(file, input.line, new Map(input.lines));
  const entry = new Entry(table, index, value, lines, problems);
  const reading: EntryReading = { problems };
  if (typeof value.name === 'string' && value.name) {
    reading.name = {
      table,
      kind: role.role === 'resource' ? role.kind : undefined,
      name: value.name,
      source: { file, line: lines.lineOf('name') },
    };
  }
  if (role.role === 'resource') {
    const needsStored: SyncProblem[] = [];
    const resource = declareResource(role.kind, entry, needsStored);
    if (resource) reading.resource = resource;
    if (resource && needsStored.length && reading.name) reading.name.needsStored = needsStored;
  } else if (role.role === 'variable') {
    const variable = declareVariable(entry);
    if (variable) reading.variable = variable;
  } else {
    const userGroup = declareUserGroup(entry);
    if (userGroup) reading.userGroup = userGroup;
  }
  return reading;
}
