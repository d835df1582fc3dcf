import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncProblem } from '@monitor/domain';
import {
  BROKEN_FILE_SETS,
  layOutFileSet,
  type BrokenFileSet,
  type Existing,
} from './fixtures/broken-file-sets';
import { collectSyncFiles, formatProblem, readSyncFiles } from './index';

const exists = (existing: Existing[]) => ({
  exists: (kind: string, name: string) => existing.some(([k, n]) => k === kind && n === name),
});

function read(files: BrokenFileSet['files'], existing: Existing[]) {
  return readSyncFiles(
    Object.entries(files).map(([path, contents]) => ({ path, contents })),
    exists(existing),
  );
}

const CONTENTS = BROKEN_FILE_SETS.filter((set) => !set.resourcePath);
const PATHS = BROKEN_FILE_SETS.filter((set) => set.resourcePath);

function expectError(problems: SyncProblem[], { location, words }: BrokenFileSet) {
  const errors = problems.filter((p) => p.severity === 'error');
  const found = errors.find((p) => `${p.file}:${p.line}:${p.field}` === location);
  expect({ location, found: found && formatProblem(found) }).toEqual({
    location,
    found: expect.stringContaining(`${location}: `),
  });
  expect(found?.message).toContain(words);
}

describe('readSyncFiles refuses broken files at file:line:field', () => {
  it.each(CONTENTS)('$title', (set) => {
    expectError(read(set.files, set.existing).problems, set);
  });

  it('counts at least 30 broken file sets', () => {
    expect(BROKEN_FILE_SETS.length).toBeGreaterThanOrEqual(30);
  });

  it('reports each after cycle once, from any of its members', () => {
    const set = CONTENTS.find(({ title }) => title === 'a cycle of three')!;
    const { problems } = read(set.files, set.existing);
    expect(problems.filter((p) => p.message.includes('cycle'))).toHaveLength(1);
  });

  it('names no error for a reference to what exists', () => {
    const set = CONTENTS.find(({ title }) => title === 'a builder on no server')!;
    const { problems } = read(set.files, set.existing);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      expect.stringMatching(/^a\.toml:5:builder\[b\]\.config\.params\.server_ids\.1: /),
    ]);
  });
});

describe('collectSyncFiles refuses paths leading out of the folder, or to nothing', () => {
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sync-broken-paths-'));
  });

  afterAll(() => rm(base, { recursive: true, force: true }));

  it.each(PATHS)('$title', async (set) => {
    // Each set in a parent of its own: what lies outside one folder is no other set's.
    const folder = join(base, String(PATHS.indexOf(set)), 'sync');
    await layOutFileSet(set, folder);
    const collected = await collectSyncFiles(folder, set.resourcePath!);
    const reading = readSyncFiles(collected.files, exists(set.existing));
    expectError([...collected.problems, ...reading.problems], set);
    expect(collected.files.map((f) => f.contents).join('\n')).not.toContain('escaped');
  });
});
