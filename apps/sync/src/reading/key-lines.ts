/**
 * Where each table and key of a TOML document stands, by its concrete dotted path: an array of
 * tables or an array counts its items (`deployment.1.config.image`,
 * `procedure.0.config.stage.2.executions.0.execution.type`). smol-toml gives no position per key,
 * so this small scanner reads the text again, once it has parsed: it need not report errors.
 * 1-based lines; the first place a path is named wins (`image.type` names `image`).
 */
export type PathLines = Map<string, number>;

const BARE_KEY_CHAR = /[A-Za-z0-9_-]/;
const SCALAR_END = new Set([',', ']', '}', '\n', '#']);
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' };

export function scanKeyLines(text: string): PathLines {
  return new KeyLineScanner(text).scan();
}

class KeyLineScanner {
  private pos = 0;
  private line = 1;
  private table: string[] = [];
  /** Items so far of each array of tables (`[[x]]`), by its concrete path. */
  private readonly arrayTables = new Map<string, number>();
  private readonly lines: PathLines = new Map();

  constructor(private readonly text: string) {}

  scan(): PathLines {
    for (;;) {
      this.skipBlank(true);
      if (this.atEnd()) return this.lines;
      if (this.text.startsWith('[[', this.pos)) this.header(true);
      else if (this.text[this.pos] === '[') this.header(false);
      else this.keyValue(this.table);
    }
  }

  private header(array: boolean): void {
    const line = this.line;
    this.pos += array ? 2 : 1;
    const keys = this.dottedKey();
    this.skipBlank(false);
    this.pos += array ? 2 : 1;
    const path: string[] = [];
    keys.forEach((key, i) => {
      path.push(key);
      const joined = path.join('.');
      const count = this.arrayTables.get(joined);
      if (array && i === keys.length - 1) {
        this.mark(path, line);
        this.arrayTables.set(joined, (count ?? 0) + 1);
        path.push(String(count ?? 0));
      } else if (count !== undefined) {
        // `[[a.b]]` or `[a.c]` under an array of tables `a`: its last item.
        this.mark(path, line);
        path.push(String(count - 1));
      }
      this.mark(path, line);
    });
    this.table = path;
  }

  private keyValue(base: string[]): void {
    const line = this.line;
    const path = [...base];
    for (const key of this.dottedKey()) {
      path.push(key);
      this.mark(path, line);
    }
    this.skipBlank(false);
    if (this.text[this.pos] === '=') this.pos++;
    this.value(path);
  }

  private value(path: string[]): void {
    this.skipBlank(false);
    const c = this.text[this.pos];
    if (c === '{') this.inlineTable(path);
    else if (c === '[') this.array(path);
    else if (this.text.startsWith('"""', this.pos)) this.multiLineString('"', true);
    else if (this.text.startsWith("'''", this.pos)) this.multiLineString("'", false);
    else if (c === '"') this.quoted('"', true);
    else if (c === "'") this.quoted("'", false);
    else this.scalar();
  }

  private inlineTable(path: string[]): void {
    this.pos++;
    while (!this.atEnd()) {
      this.skipBlank(true);
      const c = this.text[this.pos];
      if (c === '}') {
        this.pos++;
        return;
      }
      if (c === ',') this.pos++;
      else this.keyValue(path);
    }
  }

  private array(path: string[]): void {
    this.pos++;
    let index = 0;
    while (!this.atEnd()) {
      this.skipBlank(true);
      const c = this.text[this.pos];
      if (c === ']') {
        this.pos++;
        return;
      }
      if (c === ',') {
        this.pos++;
        index++;
        continue;
      }
      const item = [...path, String(index)];
      this.mark(item, this.line);
      this.value(item);
    }
  }

  private dottedKey(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.skipBlank(false);
      keys.push(this.keyPart());
      this.skipBlank(false);
      if (this.text[this.pos] !== '.') return keys;
      this.pos++;
    }
  }

  private keyPart(): string {
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.quoted(c, c === '"');
    const start = this.pos;
    while (!this.atEnd() && BARE_KEY_CHAR.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A one-line string; answers its value (for quoted keys). */
  private quoted(quote: string, escapes: boolean): string {
    this.pos++;
    let out = '';
    while (!this.atEnd() && this.text[this.pos] !== quote && this.text[this.pos] !== '\n') {
      if (escapes && this.text[this.pos] === '\\') {
        out += this.escape();
      } else out += this.text[this.pos++];
    }
    this.pos++;
    return out;
  }

  private escape(): string {
    const c = this.text[this.pos + 1];
    const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (digits) {
      const code = Number.parseInt(this.text.slice(this.pos + 2, this.pos + 2 + digits), 16);
      this.pos += 2 + digits;
      return Number.isNaN(code) ? '' : String.fromCodePoint(code);
    }
    this.pos += 2;
    return ESCAPES[c] ?? c;
  }

  private multiLineString(quote: string, escapes: boolean): void {
    const delimiter = quote.repeat(3);
    this.pos += 3;
    while (!this.atEnd()) {
      const c = this.text[this.pos];
      if (escapes && c === '\\') {
        if (this.text[this.pos + 1] === '\n') this.line++;
        this.pos += 2;
      } else if (this.text.startsWith(delimiter, this.pos)) {
        // Up to two more quotes right before the closing three belong to the string.
        let end = this.pos + 3;
        while (end < this.pos + 5 && this.text[end] === quote) end++;
        this.pos = end;
        return;
      } else {
        if (c === '\n') this.line++;
        this.pos++;
      }
    }
  }

  private scalar(): void {
    while (!this.atEnd() && !SCALAR_END.has(this.text[this.pos])) this.pos++;
  }

  /** Spaces, tabs, carriage returns and comments; newlines too when `newlines`. */
  private skipBlank(newlines: boolean): void {
    while (!this.atEnd()) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '#') {
        while (!this.atEnd() && this.text[this.pos] !== '\n') this.pos++;
      } else if (c === '\n' && newlines) {
        this.line++;
        this.pos++;
      } else return;
    }
  }

  private mark(path: string[], line: number): void {
    const key = path.join('.');
    if (!this.lines.has(key)) this.lines.set(key, line);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}
