/**
 * Where each table and key of a TOML document stands, by its concrete dotted path: an array of
 * tables or an array counts its items (`deployment.1.config.image`,
 * `procedure.0.config.stage.2.executions.0.execution.type`). smol-toml gives no position per key,
 * so this small scanner reads the text again, once it has parsed: it need not report errors.
 * 1-based lines; the first place a path is named wins (`image.type` names `image`).
 */
export type PathLines = Map<string, number>;

/** [A-Za-z0-9_-], by char code. */
const isBareKeyChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const [SPACE, TAB, CR, LF, HASH] = [' ', '\t', '\r', '\n', '#'].map((c) => c.charCodeAt(0));
const SCALAR_ENDS = new Set([',', ']', '}', '\n', '#'].map((c) => c.charCodeAt(0)));
const isScalarEnd = (c: number) => SCALAR_ENDS.has(c);
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' };

export function scanKeyLines(text: string): PathLines {
  return new KeyLineScanner(text).scan();
}

class KeyLineScanner {
  private pos = 0;
  private line = 1;
  /** The current table's concrete path, dotted; '' at the top. */
  private table = '';
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
    let path = '';
    keys.forEach((key, i) => {
      path = join(path, key);
      const count = this.arrayTables.get(path);
      if (array && i === keys.length - 1) {
        this.mark(path, line);
        this.arrayTables.set(path, (count ?? 0) + 1);
        path = `${path}.${count ?? 0}`;
      } else if (count !== undefined) {
        // `[[a.b]]` or `[a.c]` under an array of tables `a`: its last item.
        this.mark(path, line);
        path = `${path}.${count - 1}`;
      }
      this.mark(path, line);
    });
    this.table = path;
  }

  private keyValue(base: string): void {
    const line = this.line;
    let path = base;
    // dottedKey's walk, each part marked as it is read (no list of parts).
    for (;;) {
      this.skipBlank(false);
      path = join(path, this.keyPart());
      this.mark(path, line);
      this.skipBlank(false);
      if (this.text[this.pos] !== '.') break;
      this.pos++;
    }
    this.skipBlank(false);
    if (this.text[this.pos] === '=') this.pos++;
    this.value(path);
  }

  private value(path: string): void {
    this.skipBlank(false);
    const c = this.text[this.pos];
    if (c === '{') this.inlineTable(path);
    else if (c === '[') this.array(path);
    else if (this.text.startsWith('"""', this.pos)) this.multiLineString('"', true);
    else if (this.text.startsWith("'''", this.pos)) this.multiLineString("'", false);
    else if (c === '"') this.skipQuoted('"', true);
    else if (c === "'") this.skipQuoted("'", false);
    else this.scalar();
  }

  private inlineTable(path: string): void {
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

  private array(path: string): void {
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
      const item = `${path}.${index}`;
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
    while (!this.atEnd() && isBareKeyChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A one-line string; answers its value (for quoted keys). */
  /** A one-line string value, passed over: only a key's text is needed. */
  private skipQuoted(quote: string, escapes: boolean): void {
    this.pos++;
    while (!this.atEnd() && this.text[this.pos] !== quote && this.text[this.pos] !== '\n') {
      if (escapes && this.text[this.pos] === '\\') this.escape();
      else this.pos++;
    }
    this.pos++;
  }

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
      // Jumps to the next backslash or closing quotes, counting the lines passed.
      const close = this.text.indexOf(delimiter, this.pos);
      const slash = escapes ? this.text.indexOf('\\', this.pos) : -1;
      const next = slash >= 0 && (close < 0 || slash < close) ? slash : close;
      this.passTo(next < 0 ? this.text.length : next);
      if (next < 0) return;
      if (next === slash) {
        if (this.text[this.pos + 1] === '\n') this.line++;
        this.pos += 2;
      } else {
        // Up to two more quotes right before the closing three belong to the string.
        let end = this.pos + 3;
        while (end < this.pos + 5 && this.text[end] === quote) end++;
        this.pos = end;
        return;
      }
    }
  }

  /** Moves to `end`, counting the newlines passed. */
  private passTo(end: number): void {
    for (let at = this.text.indexOf('\n', this.pos); at >= 0 && at < end;) {
      this.line++;
      at = this.text.indexOf('\n', at + 1);
    }
    this.pos = end;
  }

  private scalar(): void {
    while (!this.atEnd() && !isScalarEnd(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** Spaces, tabs, carriage returns and comments; newlines too when `newlines`. */
  private skipBlank(newlines: boolean): void {
    while (!this.atEnd()) {
      const c = this.text.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === CR) this.pos++;
      else if (c === HASH) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end;
      } else if (c === LF && newlines) {
        this.line++;
        this.pos++;
      } else return;
    }
  }

  private mark(path: string, line: number): void {
    if (!this.lines.has(path)) this.lines.set(path, line);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}
