/**
 * Komodo writes sync TOML with `toml_pretty` (2.0, options in its sync/toml.rs): nested objects
 * flattened to dotted keys, arrays inline up to 30 characters of items and else one item a line
 * indented by two spaces, objects inside arrays as inline tables, multi-line strings as
 * `"""\n<text>"""`. This is that layout, with two corrections so every output is valid TOML that
 * any reader (and Komodo's, after its triple-quote pre-pass) reads back to the same values:
 * strings are escaped, and a text Komodo's raw `"""` form would corrupt is written otherwise.
 * Komodo also drops empty strings from string arrays; they are kept here (they are values).
 */

export interface TableOptions {
  /** Komodo drops empty objects, except inside procedure stages (their params must stay). */
  skipEmptyObject: boolean;
  /** Arrays always on one line: what Komodo does inside inline tables. */
  inlineArrays?: boolean;
}

const TAB = '  ';
const MAX_INLINE_ARRAY_LENGTH = 30;
const BARE_KEY = /^[A-Za-z0-9_-]+$/;
/** A control character TOML refuses raw in a multi-line string (all but tab and LF). */
function hasRawUnsafe(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f) return true;
  }
  return false;
}

export function formatKey(segment: string): string {
  return BARE_KEY.test(segment) ? segment : formatBasicString(segment);
}

/** A one-line basic string: `"..."` with TOML's escapes. */
export function formatBasicString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/**
 * Komodo's `"""\n<text>"""` when the text holds nothing that form would change (a backslash,
 * which TOML reads as an escape; three quotes; a closing quote); else a literal `'''` string
 * when it can hold the text; else one escaped line.
 */
export function formatString(text: string): string {
  if (!text.includes('\n')) return formatBasicString(text);
  if (hasRawUnsafe(text)) return formatBasicString(text);
  if (!text.includes('\\') && !text.includes('"""') && !text.endsWith('"'))
    return `"""\n${text}"""`;
  if (!text.includes("'''") && !text.includes('"""') && !text.endsWith("'"))
    return `'''\n${text}'''`;
  return formatBasicString(text);
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value)) return BigInt(value).toString();
  return String(value);
}

type Entry = [key: string, value: unknown];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested objects become dotted keys; an empty one is dropped, or kept as `{}`. */
function flatten(map: Record<string, unknown>, options: TableOptions, prefix = ''): Entry[] {
  const entries: Entry[] = [];
  for (const [field, value] of Object.entries(map)) {
    const key = prefix ? `${prefix}.${formatKey(field)}` : formatKey(field);
    if (!isObject(value)) entries.push([key, value]);
    else if (Object.keys(value).length === 0) {
      if (!options.skipEmptyObject) entries.push([key, value]);
    } else entries.push(...flatten(value, options, key));
  }
  return entries;
}

function formatArrayItem(item: unknown, options: TableOptions): string | undefined {
  if (item === null || item === undefined) return undefined;
  if (Array.isArray(item)) {
    const inner = item.map((i) => formatArrayItem(i, options)).filter((s) => s !== undefined);
    return `[${inner.join(', ')}]`;
  }
  if (isObject(item)) return formatInlineTable(item, options);
  return formatScalar(item);
}

function formatScalar(value: unknown): string {
  if (typeof value === 'string') return formatString(value);
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

function formatArray(items: unknown[], options: TableOptions): string {
  const parts = items
    .map((item) => formatArrayItem(item, options))
    .filter((part): part is string => part !== undefined);
  const length = parts.reduce((total, part) => total + part.length, 0);
  if (parts.length === 0 || options.inlineArrays || length <= MAX_INLINE_ARRAY_LENGTH)
    return `[${parts.join(', ')}]`;
  return `[\n${TAB}${parts.join(`,\n${TAB}`)}\n]`;
}

/** `{ a.b = 1, c = "x" }`: Komodo's form for objects inside arrays. */
export function formatInlineTable(map: Record<string, unknown>, options: TableOptions): string {
  const lines = formatLines(map, { ...options, inlineArrays: true });
  return lines.length === 0 ? '{}' : `{ ${lines.join(', ')} }`;
}

/**
 * One `key = value` per entry (a value may span lines). Komodo leaves out every empty string;
 * which ones may go (those whose default is empty) is the caller's to decide, so none is here.
 */
export function formatLines(map: Record<string, unknown>, options: TableOptions): string[] {
  const lines: string[] = [];
  for (const [key, value] of flatten(map, options)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) lines.push(`${key} = ${formatArray(value, options)}`);
    else if (isObject(value)) lines.push(`${key} = {}`);
    else lines.push(`${key} = ${formatScalar(value)}`);
  }
  return lines;
}

/** The body of a table, as `toml_pretty::to_string` writes it: no trailing newline. */
export function formatTable(map: Record<string, unknown>, options: TableOptions): string {
  return formatLines(map, options).join('\n');
}
