import type { KeyLines } from '@monitor/domain';
import type { PathLines } from './key-lines';

/**
 * The lines of one declaration (`[[deployment]]` number 2 of a file), by dotted path from it
 * (`config.image.type`). Paths follow what reading does to the keys: a renamed alias moves its
 * lines to the name it stands for.
 */
export class EntryLines {
  private readonly lines = new Map<string, number>();

  constructor(
    readonly file: string,
    /** The line of the declaration's table header. */
    readonly line: number,
    all: PathLines,
    base: string,
  ) {
    const prefix = `${base}.`;
    for (const [path, at] of all) {
      if (path.startsWith(prefix)) this.lines.set(path.slice(prefix.length), at);
    }
  }

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
