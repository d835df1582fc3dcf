import type { SyncProblem, SyncProblemSeverity } from '@monitor/domain';
import { describeValue } from './describe-value';
import { didYouMean } from './did-you-mean';
import { isTable } from './is-table';
import type { EntryLines } from './entry-lines';
import { syncProblem } from './problems';

/** One declaration being read (`[[deployment]]` number 2 of a file) and where its problems go. */
export class Entry {
  readonly label: string;

  constructor(
    readonly tableName: string,
    readonly index: number,
    readonly value: Record<string, unknown>,
    readonly lines: EntryLines,
    private readonly problems: SyncProblem[],
  ) {
    const name = value.name;
    // A problem names the declaration by its name; without one, by its place in the file.
    this.label =
      typeof name === 'string' && name ? `${tableName}[${name}]` : `${tableName}[#${index + 1}]`;
  }

  report(severity: SyncProblemSeverity, field: string, message: string): void {
    this.problems.push(this.problem(severity, field, message));
  }

  /** The problem `report` would report, at its file:line:field, without reporting it. */
  problem(severity: SyncProblemSeverity, field: string, message: string): SyncProblem {
    const at = field ? `${this.label}.${field}` : this.label;
    return syncProblem(severity, this.lines.file, this.lines.lineOf(field), at, message);
  }

  /** The required name, a non-empty string; reported when not. */
  name(): string | undefined {
    const name = this.value.name;
    if (typeof name === 'string' && name) return name;
    this.report(
      'error',
      'name',
      name === undefined
        ? 'is required'
        : `must be a non-empty string (got ${describeValue(name)})`,
    );
    return undefined;
  }

  string(key: string): string | undefined {
    return this.typed(key, (v) => typeof v === 'string', 'a string');
  }

  boolean(key: string): boolean | undefined {
    return this.typed(key, (v) => typeof v === 'boolean', 'a boolean');
  }

  strings(key: string): string[] | undefined {
    const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
    return this.typed(key, isStrings, 'an array of strings');
  }

  table(key: string): Record<string, unknown> | undefined {
    return this.typed(key, isTable, 'a table');
  }

  /** Keys outside `known`: Komodo ignores them, a warning says so. */
  warnUnknown(known: readonly string[]): void {
    for (const key of Object.keys(this.value)) {
      if (known.includes(key)) continue;
      this.report(
        'warning',
        key,
        `unknown key '${key}', ignored as Komodo does${didYouMean(key, known)}`,
      );
    }
  }

  private typed<T>(key: string, is: (v: unknown) => boolean, what: string): T | undefined {
    const value = this.value[key];
    if (value === undefined) return undefined;
    if (is(value)) return value as T;
    this.report('error', key, `must be ${what} (got ${describeValue(value)})`);
    return undefined;
  }
}
