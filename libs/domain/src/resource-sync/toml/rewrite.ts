import { invalid, notFound } from '../../shared/domain-error';
import { scanBlocks, tableOf, type Block, type SyncEntryKind } from './blocks';
import { mergeBlock, sameValue } from './merge-block';
import { scanStatements, type Statement } from './statements';

/** A change to one entry of a file, located by kind and name; `toml` as the export renders it. */
export type SyncFileChange =
  | { action: 'create'; kind: SyncEntryKind; name: string; toml: string }
  | { action: 'update'; kind: SyncEntryKind; name: string; toml: string }
  | { action: 'delete'; kind: SyncEntryKind; name: string };

const SEPARATOR = '\n##\n\n';

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
