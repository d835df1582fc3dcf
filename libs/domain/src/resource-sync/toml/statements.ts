/**
 * A TOML text cut into its top-level statements (headers, `key = value`, comments, blank lines),
 * each with its exact span, so a writer can replace some and keep every other byte. Values are
 * skipped over, not read: arrays and inline tables may span lines and hold comments, and
 * `"""` strings end at the next `"""` whatever precedes it (Komodo's reading: backslashes there
 * are literal).
 */

export type StatementType = 'header' | 'key' | 'comment' | 'blank';

export interface Statement {
  type: StatementType;
  /** Offset of the statement's first character (its line's start). */
  start: number;
  /** Offset just past its last line's line break (or the text's end). */
  end: number;
  /** A header's table path or a key's dotted path, unquoted. */
  path: string[];
  /** `[[...]]`. */
  arrayTable: boolean;
  /** Where what follows the statement on its last line begins (`key = 1 # why`: before ` #`). */
  tailAt: number;
  /** Whether that tail holds a comment. */
  commented: boolean;
}

class Cursor {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}
  get char(): string {
    return this.text[this.at] ?? '';
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.at);
  }
  atLineEnd(): boolean {
    return this.at >= this.text.length || this.char === '\n' || this.startsWith('\r\n');
  }
  skipSpaces(): void {
    while (this.char === ' ' || this.char === '\t') this.at++;
  }
  skipToLineEnd(): void {
    while (!this.atLineEnd()) this.at++;
  }
  skipLineBreak(): void {
    if (this.startsWith('\r\n')) this.at += 2;
    else if (this.char === '\n') this.at++;
  }
}

function skipString(c: Cursor): void {
  for (const delimiter of ['"""', "'''"]) {
    if (!c.startsWith(delimiter)) continue;
    const close = c.text.indexOf(delimiter, c.at + 3);
    c.at = close < 0 ? c.text.length : close + 3;
    // Up to two quotes of the content may stand right before the closing delimiter.
    for (let extra = 0; extra < 2 && c.char === delimiter[0]; extra++) c.at++;
    return;
  }
  const quote = c.char;
  c.at++;
  while (c.at < c.text.length && c.char !== quote && c.char !== '\n') {
    if (quote === '"' && c.char === '\\') c.at++;
    c.at++;
  }
  if (c.char === quote) c.at++;
}

/** Past one value: a string, an array or inline table (nested, across lines), or a scalar. */
function skipValue(c: Cursor): void {
  let depth = 0;
  while (c.at < c.text.length) {
    const ch = c.char;
    if (ch === '"' || ch === "'") {
      skipString(c);
      continue;
    }
    if (depth <= 0 && (c.atLineEnd() || ch === '#')) return;
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (depth > 0 && ch === '#') {
      c.skipToLineEnd();
      continue;
    }
    c.at++;
  }
}

function unescapeBasic(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' };
    if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    return simple[e] ?? e;
  });
}

/** A dotted key up to `stop` (`=` or `]`): its segments, unquoted. */
function readKey(c: Cursor, stop: string): string[] {
  const path: string[] = [];
  for (;;) {
    c.skipSpaces();
    if (c.char === '"' || c.char === "'") {
      const begin = c.at;
      skipString(c);
      const raw = c.text.slice(begin + 1, c.at - 1);
      path.push(c.text[begin] === '"' ? unescapeBasic(raw) : raw);
    } else {
      const begin = c.at;
      while (/[A-Za-z0-9_-]/.test(c.char)) c.at++;
      path.push(c.text.slice(begin, c.at));
    }
    c.skipSpaces();
    if (c.char !== '.') break;
    c.at++;
  }
  if (c.startsWith(stop)) c.at += stop.length;
  return path;
}

function finishLine(c: Cursor, statement: Statement): Statement {
  let tail = c.at;
  while (tail > statement.start && (c.text[tail - 1] === ' ' || c.text[tail - 1] === '\t')) tail--;
  statement.tailAt = tail;
  c.skipSpaces();
  statement.commented = c.char === '#';
  c.skipToLineEnd();
  c.skipLineBreak();
  statement.end = c.at;
  return statement;
}

export function scanStatements(text: string): Statement[] {
  const c = new Cursor(text);
  const statements: Statement[] = [];
  while (c.at < text.length) {
    const start = c.at;
    const base = {
      start,
      end: start,
      tailAt: start,
      commented: false,
      path: [] as string[],
      arrayTable: false,
    };
    c.skipSpaces();
    if (c.atLineEnd()) {
      c.skipLineBreak();
      statements.push({ ...base, type: 'blank', end: c.at });
    } else if (c.char === '#') {
      c.skipToLineEnd();
      c.skipLineBreak();
      statements.push({ ...base, type: 'comment', end: c.at });
    } else if (c.char === '[') {
      const arrayTable = c.startsWith('[[');
      c.at += arrayTable ? 2 : 1;
      const path = readKey(c, arrayTable ? ']]' : ']');
      statements.push(finishLine(c, { ...base, type: 'header', path, arrayTable }));
    } else {
      const path = readKey(c, '=');
      c.skipSpaces();
      skipValue(c);
      statements.push(finishLine(c, { ...base, type: 'key', path }));
    }
  }
  return statements;
}
