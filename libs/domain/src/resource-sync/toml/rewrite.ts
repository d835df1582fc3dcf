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

function isGap(text: string, s: Statement): boolean {
  return s.type === 'blank' || (s.type === 'comment' && text.slice(s.start, s.end).trim() === '##');
}

/**
 * The spans deletes remove: each entry, its comments above, and the separator before it (after
 * it, when nothing the file keeps comes before).
 */
function deletions(text: string, statements: Statement[], blocks: Block[]): Edit[] {
  const removed = new Array<boolean>(statements.length).fill(false);
  return [...blocks]
    .sort((a, b) => a.start - b.start)
    .map((block) => {
      let first = statements.findIndex((s) => s.start === block.leadStart);
      let last = statements.findIndex((s) => s.end === block.end);
      while (first > 0 && isGap(text, statements[first - 1])) first--;
      if (!removed.slice(0, first).includes(false))
        while (last + 1 < statements.length && isGap(text, statements[last + 1])) last++;
      removed.fill(true, first, last + 1);
      return { from: statements[first].start, to: statements[last].end, text: '' };
    });
}

/** New entries at one place, apart by Komodo's `##`, the file's other lines kept whole. */
function insertion(text: string, at: number, entries: string[]): string {
  const before = text.slice(0, at);
  if (!before.trim()) return `${entries.join(`\n${SEPARATOR}`)}\n`;
  const lead = before.endsWith('\n') ? '' : '\n';
  const trail = at === text.length && !text.endsWith('\n') ? '' : '\n';
  return `${lead}${SEPARATOR}${entries.join(`\n${SEPARATOR}`)}${trail}`;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Applied from the end of the file, so each edit's offsets still hold when its turn comes. */
function applyEdits(text: string, edits: Edit[]): string {
  const ordered = [...edits].sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = text.length;
  for (const edit of ordered) {
    // Two deletes may both claim the separator between their entries: it goes once.
    const to = Math.min(edit.to, limit);
    out = out.slice(0, edit.from) + edit.text + out.slice(to);
    limit = edit.from;
  }
  return out;
}

/**
 * A sync file with these changes made and every other byte kept: an updated entry's block
 * (`[[kind]]` with its sub-tables, up to its last key) is replaced, keeping what `mergeBlock`
 * keeps, and left as it is when it already reads as the new text; a deleted one goes with its
 * comments above and one `##` separator; new ones follow the last entry of their kind, or end
 * the file. Updating or deleting an entry the file does not hold, or changing one twice, is
 * refused. The file is read once, whatever the number of changes.
 */
export function rewriteSyncFile(text: string, changes: SyncFileChange[]): string {
  // A file written with CRLF gets its new lines with CRLF too (its own lines stay as they are).
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const withEol = (lines: string) => (eol === '\n' ? lines : lines.replace(/(?<!\r)\n/g, eol));
  const { statements, blocks } = scanBlocks(text);
  const byName = new Map(blocks.map((b) => [`${b.kind}/${b.name}`, b]));
  const changed = new Set<string>();
  const edits: Edit[] = [];
  const inserts = new Map<number, string[]>();
  const deleted: Block[] = [];
  for (const change of changes) {
    const key = `${change.kind}/${change.name}`;
    const label = `${change.kind} '${change.name}'`;
    if (changed.has(key)) throw invalid(`${label} is changed twice in one write`);
    changed.add(key);
    const block = byName.get(key);
    const fileTable = blocks.find((b) => b.kind === change.kind)?.statements[0].path[0];
    const toml =
      'toml' in change ? withEol(withTable(change.toml, tableOf(change.kind), fileTable)) : '';
    if (change.action === 'create') {
      if (block) throw invalid(`${label} is already declared in this file`);
      const at = blocks.filter((b) => b.kind === change.kind).at(-1)?.end ?? text.length;
      inserts.set(at, [...(inserts.get(at) ?? []), toml]);
      continue;
    }
    if (!block) throw notFound(`${label} is not declared in this file`);
    if (change.action === 'delete') {
      deleted.push(block);
      continue;
    }
    const current = text.slice(block.start, block.end);
    if (sameValue(current, toml)) continue;
    const merged = mergeBlock(text, block, toml).replace(/\r?\n$/, '');
    edits.push({
      from: block.start,
      to: block.end,
      text: current.endsWith('\n') ? merged + eol : merged,
    });
  }
  edits.push(...deletions(text, statements, deleted));
  for (const [at, entries] of inserts)
    edits.push({ from: at, to: at, text: withEol(insertion(text, at, entries)) });
  return applyEdits(text, edits);
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
