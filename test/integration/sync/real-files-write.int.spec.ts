import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'smol-toml';
import { escapeBetweenTripleQuotes, rewriteSyncFile, type SyncEntryKind } from '@monitor/domain';
// The entry scanner is the writer's own; the spec checks it against a TOML reader.
import { scanBlocks, tableOf } from '../../../libs/domain/src/resource-sync/toml/blocks';

/**
 * Writing back into files real Komodo users wrote (test/fixtures/komodo-toml, sources named in
 * its SOURCES.md): every entry is found where a TOML reader finds it, an update to what an
 * entry already says changes no byte, and deleting one entry leaves every other as it was.
 */

const ROOT = join(__dirname, '../../fixtures/komodo-toml');

function tomlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tomlFiles(path);
    return entry.name.endsWith('.toml') ? [path] : [];
  });
}

type Entries = Record<string, { name?: unknown }[]>;

/** What a reader sees, or undefined for the few files Komodo refuses too. */
function readFile(text: string): Entries | undefined {
  try {
    return parse(escapeBetweenTripleQuotes(text)) as Entries;
  } catch {
    return undefined;
  }
}

const files = tomlFiles(ROOT).map((path) => ({
  file: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

/** The table a file uses for the kind: singular, or Komodo's plural alias. */
function entriesOf(read: Entries, kind: SyncEntryKind) {
  return read[tableOf(kind)] ?? read[`${tableOf(kind)}s`] ?? [];
}

describe('writing back into real Komodo files', () => {
  it('has the fixtures to test with', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  const readable = files.filter((f) => readFile(f.text));

  it.each(readable.map((f) => [f.file, f.text]))('%s', (_, text) => {
    const read = readFile(text) as Entries;
    const { blocks } = scanBlocks(text);
    const kinds = [...new Set(blocks.map((b) => b.kind))];
    for (const kind of kinds) {
      const names = entriesOf(read, kind).map((e) => e.name);
      expect(blocks.filter((b) => b.kind === kind).map((b) => b.name)).toEqual(names);
    }
    for (const block of blocks.filter((b) => b.name !== undefined)) {
      const name = block.name as string;
      const own = text.slice(block.start, block.end);
      expect(rewriteSyncFile(text, [{ action: 'update', kind: block.kind, name, toml: own }])).toBe(
        text,
      );
      const out = rewriteSyncFile(text, [{ action: 'delete', kind: block.kind, name }]);
      for (const other of blocks.filter((b) => b !== block))
        expect(out).toContain(text.slice(other.start, other.end));
      const left = readFile(out) as Entries;
      expect(entriesOf(left, block.kind).map((e) => e.name)).toEqual(
        entriesOf(read, block.kind)
          .map((e) => e.name)
          .filter((n, i, all) => n !== name || all.indexOf(n) !== i),
      );
    }
  });
});
