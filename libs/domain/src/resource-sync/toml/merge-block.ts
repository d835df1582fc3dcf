import { deepEqual } from '../../shared/diff';
import { parseFragment, tableOf, type Block } from './blocks';
import { scanStatements, type Statement } from './statements';

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

/** What an entry means when it leaves these out (Komodo's ResourceToml, Variable, UserGroupToml). */
const ENTRY_DEFAULTS: Record<string, unknown> = {
  description: '',
  template: false,
  tags: [],
  deploy: false,
  after: [],
  config: {},
  is_secret: false,
  everyone: false,
  users: [],
  permissions: [],
};

/** An entry without the keys that say only their default (`tags = []`, `[kind.config]` empty). */
function withoutEntryDefaults(read: Record<string, unknown> | undefined): unknown {
  if (!read) return read;
  const bare = (entry: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(entry).filter(
        ([key, value]) =>
          !Object.hasOwn(ENTRY_DEFAULTS, key) || !deepEqual(value, ENTRY_DEFAULTS[key]),
      ),
    );
  return Object.fromEntries(
    Object.entries(read).map(([table, entries]) => [
      table,
      Array.isArray(entries) ? entries.map(bare) : entries,
    ]),
  );
}

/** Whether two fragments read the same (an unreadable old one never does). */
export function sameValue(oldText: string, newText: string): boolean {
  const before = parseFragment(oldText);
  if (before === undefined) return false;
  return deepEqual(withoutEntryDefaults(before), withoutEntryDefaults(parseFragment(newText)));
}

/**
 * An updated entry's new text, keeping what the user wrote that still holds: the comments
 * above each key or table still there; the line itself, comments and layout included, where
 * its value did not change; a changed line's trailing comment.
 */
export function mergeBlock(text: string, block: Block, rendered: string): string {
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
