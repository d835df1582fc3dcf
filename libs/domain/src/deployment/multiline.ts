import { attempt, onlyReferences, orThrow, problem, type FieldResult } from './errors';

/**
 * Komodo's multi-line text fields (environment, ports, volumes, labels, build_args), read the
 * way Komodo's `parse_key_value_list` reads them:
 *
 *   KEY=value           KEY = value          KEY: value
 *   # a comment         // a comment         (blank lines)
 *   - KEY=value         - "KEY=value"        - 'a:b'          (YAML list items)
 *   KEY=value # note    (end-of-line comment: ` #`, a `#` after white space)
 *
 * End-of-line comments: Komodo cuts every line at its first ` #`, env included, so Monitor does
 * too — a Komodo config must mean the same here. Two differences make this safe for values that
 * contain `#`: a `#` inside quotes (`PASS="a #b"`) or not after white space (`PASS=a#b`) is kept,
 * and comments are cut BEFORE `[[VARIABLES]]` are interpolated, so a secret containing ` #` is
 * never truncated.
 */

export interface KeyValueLine {
  key: string;
  value: string;
  /** 1-based line in the text as written. */
  line: number;
}

export interface ListLine {
  value: string;
  line: number;
}

export interface LineOptions {
  /**
   * `[[VARIABLE]]` interpolation, applied once comments are cut (a secret holding ` #` stays
   * whole). What it returns keeps the line it came from, even a block of several lines.
   */
  expand?: (text: string) => string;
  /** At write time: a line that is only `[[REFERENCES]]` is not checked (only its value can be). */
  lenientReferences?: boolean;
}

const QUOTES = `"'`;

/** One level of matching quotes, as the shell Komodo runs `docker run` in would remove them. */
export function unquote(text: string, requireBalanced = false): string {
  const q = text[0];
  if (text.length < 2 || !QUOTES.includes(q) || text[text.length - 1] !== q) return text;
  const inner = text.slice(1, -1);
  // `"KEY"="value"` is not one quoted item: stripping its ends would break both halves.
  return requireBalanced && inner.includes(q) ? text : inner;
}

/** Where the end-of-line comment starts: a `#` after white space, outside quotes if they close. */
function commentStart(line: string, honourQuotes: boolean): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (honourQuotes && QUOTES.includes(c)) {
      quote = c;
    } else if (c === '#' && i > 0 && /\s/.test(line[i - 1])) {
      return i;
    }
  }
  // An apostrophe in plain text (`MSG=it's # note`) never closes: read the line without quotes.
  return quote ? commentStart(line, false) : -1;
}

const isComment = (line: string) => line === '' || line.startsWith('#') || line.startsWith('//');

/** A line without its YAML list dash and one level of wrapping quotes. */
function listItem(line: string): string {
  const item = line.startsWith('-') ? line.slice(1).trim() : line;
  return unquote(item, true).trim();
}

/** The lines that carry something, after comments, list dashes and quotes; nothing expanded. */
function rawItems(text: string): ListLine[] {
  const out: ListLine[] = [];
  text.split('\n').forEach((raw, index) => {
    let line = raw.trim();
    if (isComment(line)) return;
    const cut = commentStart(line, true);
    if (cut >= 0) line = line.slice(0, cut).trim();
    const value = listItem(line);
    if (value !== '') out.push({ value, line: index + 1 });
  });
  return out;
}

/** The items an expansion holds: one, or a block of lines (comments skipped) on the same line. */
function expandItem(item: ListLine, expand: (text: string) => string): ListLine[] {
  const expanded = expand(item.value);
  if (expanded === item.value) return [item];
  return expanded
    .split('\n')
    .map((piece) => piece.trim())
    .filter((piece) => !isComment(piece))
    .map((piece) => ({ value: listItem(piece), line: item.line }))
    .filter(({ value }) => value !== '');
}

/** Items of a list field, each expanded whole. */
export function significantLines(text: string, options: LineOptions = {}): ListLine[] {
  const { expand } = options;
  const items = rawItems(text);
  return expand ? items.flatMap((item) => expandItem(item, expand)) : items;
}

/**
 * Key and value are split BEFORE expansion, then expanded apart: the `=` must be written, and a
 * value from a variable stays whole even with newlines in it (a PEM key). Only a line that is
 * nothing but references is expanded first, so one variable can hold a block of `KEY=value` lines.
 */
export function collectKeyValueLines(
  text: string,
  field: string,
  options: LineOptions = {},
): FieldResult<KeyValueLine[]> {
  const value: KeyValueLine[] = [];
  const errors: FieldResult<KeyValueLine[]>['errors'] = [];
  const { expand } = options;
  for (const item of rawItems(text)) {
    const block = onlyReferences(item.value);
    if (block && options.lenientReferences) continue;
    const items = block && expand ? expandItem(item, expand) : [item];
    for (const { value: entry, line } of items) {
      const pair = attempt(errors, field, line, () => splitPair(entry));
      if (!pair) continue;
      const later = expand && !block ? expand : (t: string) => t;
      value.push({ key: later(pair.key), value: later(pair.value), line });
    }
  }
  return { value, errors };
}

/** `KEY=value` or `KEY: value`, at whichever of `=` and `:` comes first (as Komodo splits). */
function splitPair(item: string): { key: string; value: string } {
  const at = item.search(/[=:]/);
  if (at < 0) problem(`'${item}' has no '=' or ':'`);
  const key = unquote(item.slice(0, at).trim());
  if (key === '') problem(`'${item}' has no key before '${item[at]}'`);
  return { key, value: unquote(item.slice(at + 1).trim()) };
}

/** Every `KEY=value` line; a 400 naming the field and line of each that has no key or no `=`. */
export function parseKeyValueLines(
  text: string,
  field: string,
  options?: LineOptions,
): KeyValueLine[] {
  return orThrow(collectKeyValueLines(text, field, options));
}

/** Items of a list field (ports, volumes), each a plain line or a YAML list item. */
export function parseListLines(text: string, _field: string, options?: LineOptions): ListLine[] {
  return significantLines(text, options);
}
