import type { KeyLines } from '@monitor/domain';
import type { PathLines } from './key-lines';

/**
 * A file's lines split by declaration: `deployment.1.config.image` goes to `deployment.1` as
 * `config.image`. One pass over the file, rather than one per declaration.
 */
export function linesByEntry(all: PathLines): Map<string, Map<string, number>> {
  const byEntry = new Map<string, Map<string, number>>();
  // Paths come declaration by declaration: the last one's base is tried first.
  let base = '';
  let lines: Map<string, number> | undefined;
  for (const [path, line] of all) {
    const sameBase =
      lines !== undefined && path.charCodeAt(base.length) === DOT && path.startsWith(base);
    if (!sameBase) {
      const table = path.indexOf('.');
      const index = table < 0 ? -1 : path.indexOf('.', table + 1);
      if (index < 0) continue;
      base = path.slice(0, index);
      lines = byEntry.get(base);
      if (!lines) byEntry.set(base, (lines = new Map<string, number>()));
    }
    (lines as Map<string, number>).set(path.slice(base.length + 1), line);
  }
  return byEntry;
}

const DOT = '.'.charCodeAt(0);

/**
 * The lines of one declaration (`[[deployment]]` number 2 of a file), by dotted path from it
 * (`config.image.type`). Paths follow what reading does to the keys: a renamed alias moves its
 * lines to the name it stands for.
 */
export class EntryLines {
  constructor(
    readonly file: string,
    /** The line of the declaration's table header. */
    readonly line: number,
    /** By dotted path from the declaration (see linesByEntry); renames change it. */
    private readonly lines: Map<string, number>,
  ) {}

  /** The line of `path`, or of the nearest enclosing key that has one, or the header's. */
  lineOf(path: string): number {
    const parts = path.split('.').filter(Boolean);
    for (let n = parts.length; n > 0; n--) {
      const at = this.lines.get(parts.slice(0, n).join('.'));
      if (at !== undefined) return at;
    }
    return this.line;
  }

  /** `from` and what is under it now stand at `to`. */
  rename(from: string, to: string): void {
    for (const [path, at] of [...this.lines]) {
      if (path === from || path.startsWith(`${from}.`)) {
        this.lines.delete(path);
        this.lines.set(to + path.slice(from.length), at);
      }
    }
  }

  keyLines(): KeyLines {
    return Object.fromEntries(this.lines);
  }
}
