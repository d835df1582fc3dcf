import { invalid, notFound } from '../../shared/domain-error';
import { deepEqual } from '../../shared/diff';
import { parseFragment, scanBlocks, tableOf, type Block, type SyncEntryKind } from './blocks';
import { scanStatements, type Statement } from './statements';

/** A change to one entry of a file, located by kind and name; `toml` as the export renders it. */
export type SyncFileChange =
  | { action: 'create'; kind: SyncEntryKind; name: string; toml: string }
  | { action: 'update'; kind: SyncEntryKind; name: string; toml: string }
  | { action: 'delete'; kind: SyncEntryKind; name: string };

const SEPARATOR = '\n##\n\n';

/** A statement's place in its entry: the (indexed) table it sits in, and its own path. */
interface Placed {
  statement: Statement;
  table: string;
  id: string;
  /** The comment and blank lines directly above it (after the previous statement). */
  above: Statement[];
}

function place(statements: Statement[], tableName: string): Placed[] {
  const seen = new Map<string, number>();
  let table = '';
  let above: Statement[] = [];
  const placed: Placed[] = [];
  for (const statement of statements) {
    if (statement.type === 'comment' || statement.type === 'blank') {
      above.push(statement);
      continue;
    }
    let id: string;
    if (statement.type === 'header') {
      const path =
        statement.path[0] === tableName || statement.path.length === 1
          ? statement.path.slice(1)
          : statement.path;
      const name = path.join('.');
      const index = seen.get(name) ?? 0;
      if (statement.arrayTable) seen.set(name, index + 1);
      table = statement.arrayTable ? `${name}#${index}` : name;
      id = `[${table}]`;
    } else id = [table, ...statement.path].filter(Boolean).join('.');
    placed.push({ statement, table, id, above });
    above = [];
  }
  return placed;
}

const sliceOf = (text: string, s: Statement) => text.slice(s.start, s.end);
const lineBreak = (text: string, s: Statement) => /\r?\n$/.exec(sliceOf(text, s))?.[0] ?? '';

/** An entry's empty `[kind.config]` (Komodo's export writes one) says what no config says. */
function withoutEmptyConfig(read: Record<string, unknown> | undefined): unknown {
  if (!read) return read;
  return Object.fromEntries(
    Object.entries(read).map(([table, entries]) => [
      table,
      Array.isArray(entries)
        ? entries.map((entry: Record<string, unknown>) => {
            const { config, ...rest } = entry;
            const empty = typeof config === 'object' && config && !Object.keys(config).length;
            return empty || config === undefined ? rest : entry;
          })
        : entries,
    ]),
  );
}

function sameValue(oldText: string, newText: string): boolean {
  const before = parseFragment(oldText);
  if (before === undefined) return false;
  return deepEqual(withoutEmptyConfig(before), withoutEmptyConfig(parseFragment(newText)));
}

/**
 * The new text of an entry, keeping from the old one: the comments above each key or table
 * still there; the line itself, comments and layout included, where its value did not change;
 * a changed line's trailing comment.
 */
function mergeBlock(text: string, block: Block, rendered: string): string {
  const table = block.statements[0].path[0];
  const old = place(block.statements, table);
  const fresh = place(scanStatements(rendered), tableOf(block.kind));
  let out = '';
  for (const { statement, table: at, id, above } of fresh) {
    const before = old.find((o) => o.id === id);
    const commented = before?.above.some((s) => s.type === 'comment');
    out += commented
      ? before!.above.map((s) => sliceOf(text, s)).join('')
      : above.map((s) => sliceOf(rendered, s)).join('');
    const newText = sliceOf(rendered, statement);
    const keep =
      before &&
      before.table === at &&
      before.statement.path.join('.') === statement.path.join('.') &&
      (statement.type === 'header' || sameValue(sliceOf(text, before.statement), newText));
    if (keep) {
      const oldText = sliceOf(text, before.statement);
      out += oldText.replace(/\r?\n$/, '') + lineBreak(rendered, statement);
    } else if (before?.statement.commented && !newText.slice(0, -1).includes('\n')) {
      const tail = text.slice(before.statement.tailAt, before.statement.end).replace(/\r?\n$/, '');
      out += newText.replace(/\r?\n$/, '') + tail + lineBreak(rendered, statement);
    } else out += newText;
  }
  return out;
}

function findBlock(blocks: Block[], change: SyncFileChange): Block | undefined {
  return blocks.find((b) => b.kind === change.kind && b.name === change.name);
}

function isGap(text: string, s: Statement): boolean {
  return s.type === 'blank' || (s.type === 'comment' && text.slice(s.start, s.end).trim() === '##');
}

/** The span a delete removes: the entry, its comments above, and one separator beside it. */
function deletion(text: string, statements: Statement[], block: Block): [number, number] {
  let first = statements.findIndex((s) => s.start === block.leadStart);
  let last = statements.findIndex((s) => s.end === block.end);
  let i = first;
  while (i > 0 && isGap(text, statements[i - 1])) i--;
  if (i > 0) first = i;
  else while (last + 1 < statements.length && isGap(text, statements[last + 1])) last++;
  return [statements[first].start, statements[last].end];
}

function insertion(text: string, blocks: Block[], change: SyncFileChange & { toml: string }) {
  const sameKind = blocks.filter((b) => b.kind === change.kind).at(-1);
  if (!text.trim()) return { at: text.length, text: `${change.toml}\n` };
  if (sameKind) {
    const ending = text.slice(0, sameKind.end).endsWith('\n');
    return {
      at: sameKind.end,
      text: `${ending ? '' : '\n'}${SEPARATOR}${change.toml}${ending ? '\n' : ''}`,
    };
  }
  const ending = text.endsWith('\n') ? '' : '\n';
  return { at: text.length, text: `${ending}${SEPARATOR}${change.toml}\n` };
}

/**
 * A sync file with these changes made and every other byte kept: an updated entry's block
 * (`[[kind]]` with its sub-tables, up to its last key) is replaced, keeping what `mergeBlock`
 * keeps, and left as it is when it already reads as the new text; a deleted one goes with its
 * comments above and one `##` separator; a new one follows the last entry of its kind, or ends
 * the file. Updating or deleting an entry the file does not hold is refused.
 */
export function rewriteSyncFile(text: string, changes: SyncFileChange[]): string {
  // A file written with CRLF gets its new lines with CRLF too (its own lines stay as they are).
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const withEol = (lines: string) => (eol === '\n' ? lines : lines.replace(/(?<!\r)\n/g, eol));
  let out = text;
  for (const change of changes) {
    const { statements, blocks } = scanBlocks(out);
    const block = findBlock(blocks, change);
    const fileTable = blocks.find((b) => b.kind === change.kind)?.statements[0].path[0];
    const toml =
      'toml' in change ? withEol(withTable(change.toml, tableOf(change.kind), fileTable)) : '';
    if (change.action === 'create') {
      if (block) throw invalid(`${change.kind} '${change.name}' is already declared in this file`);
      const { at, text: inserted } = insertion(out, blocks, { ...change, toml });
      out = out.slice(0, at) + withEol(inserted) + out.slice(at);
      continue;
    }
    if (!block) throw notFound(`${change.kind} '${change.name}' is not declared in this file`);
    if (change.action === 'delete') {
      const [from, to] = deletion(out, statements, block);
      out = out.slice(0, from) + out.slice(to);
      continue;
    }
    const current = out.slice(block.start, block.end);
    if (sameValue(current, toml)) continue;
    const merged = mergeBlock(out, block, toml).replace(/\r?\n$/, '');
    const replacement = current.endsWith('\n') ? merged + eol : merged;
    out = out.slice(0, block.start) + replacement + out.slice(block.end);
  }
  return out;
}

/** The rendered entry under the table name the file already uses for its kind (`deployments`). */
function withTable(toml: string, table: string, fileTable: string | undefined): string {
  if (!fileTable || fileTable === table) return toml;
  let out = '';
  for (const s of scanStatements(toml)) {
    const line = toml.slice(s.start, s.end);
    const own = s.type === 'header' && s.path[0] === table;
    out += own ? line.replace(/^(\[\[?)[^.\]]+/, `$1${fileTable}`) : line;
  }
  return out;
}
