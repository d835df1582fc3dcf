import { parse } from 'smol-toml';
import type { ResourceKind } from '../../kinds';
import { escapeBetweenTripleQuotes } from './prepass';
import { KIND_TABLES } from './render-resource';
import { scanStatements, type Statement } from './statements';

/** What a sync file declares beside resources. */
export type SyncEntryKind = ResourceKind | 'Variable' | 'UserGroup';

/** Komodo reads each table under its singular name and its plural (serde aliases). */
const TABLES: Record<SyncEntryKind, string> = {
  ...KIND_TABLES,
  Variable: 'variable',
  UserGroup: 'user_group',
};

const KIND_OF_TABLE = new Map<string, SyncEntryKind>(
  (Object.entries(TABLES) as [SyncEntryKind, string][]).flatMap(([kind, table]) => [
    [table, kind],
    [`${table}s`, kind],
  ]),
);

export const tableOf = (kind: SyncEntryKind) => TABLES[kind];

/** One `[[<kind>]]` entry of a file, with its sub-tables. */
export interface Block {
  kind: SyncEntryKind;
  name: string | undefined;
  /** Its statements, from its header to its last key (comments after that are the file's). */
  statements: Statement[];
  /** Where comment lines directly above its header begin. */
  leadStart: number;
  start: number;
  /** Just past its last key (its line break included). */
  end: number;
}

/** A TOML fragment read as Komodo reads it (with its pre-pass); undefined when it is not TOML. */
export function parseFragment(text: string): Record<string, unknown> | undefined {
  try {
    return parse(escapeBetweenTripleQuotes(text)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function nameOf(text: string, statements: Statement[]): string | undefined {
  const root = statements.slice(1);
  const stop = root.findIndex((s) => s.type === 'header');
  const key = (stop < 0 ? root : root.slice(0, stop)).find(
    (s) => s.type === 'key' && s.path.length === 1 && s.path[0] === 'name',
  );
  const value = key && parseFragment(text.slice(key.start, key.end))?.name;
  return typeof value === 'string' ? value : undefined;
}

/** Every entry of a file, in order, with the statements of the whole file. */
export function scanBlocks(text: string): { statements: Statement[]; blocks: Block[] } {
  const statements = scanStatements(text);
  const blocks: Block[] = [];
  for (let i = 0; i < statements.length; i++) {
    const header = statements[i];
    const kind =
      header.type === 'header' && header.arrayTable && header.path.length === 1
        ? KIND_OF_TABLE.get(header.path[0])
        : undefined;
    if (!kind) continue;
    let last = i;
    let j = i + 1;
    for (; j < statements.length; j++) {
      const s = statements[j];
      if (s.type === 'header' && (s.path.length === 1 || s.path[0] !== header.path[0])) break;
      if (s.type === 'key' || s.type === 'header') last = j;
    }
    let lead = i;
    while (lead > 0 && statements[lead - 1].type === 'comment') lead--;
    const own = statements.slice(i, last + 1);
    blocks.push({
      kind,
      name: nameOf(text, own),
      statements: own,
      leadStart: statements[lead].start,
      start: header.start,
      end: statements[last].end,
    });
    i = j - 1;
  }
  return { statements, blocks };
}
