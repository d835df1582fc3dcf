import { readSyncFileCached } from './file-cache';

const file = (contents: string, path = 'a.toml') => ({ path, contents });
const stack = (image: string) =>
  [
    '[[stack]]',
    'name = "s"',
    '[stack.config]',
    'server = "edge"',
    `file_contents = "${image}"`,
  ].join('\n');

describe('readSyncFileCached', () => {
  it('given a file read before, when read again with the same path and text, then the same frozen reading comes back', () => {
    const first = readSyncFileCached(file(stack('a:1')));
    expect(readSyncFileCached(file(stack('a:1')))).toBe(first);
    expect(Object.isFrozen(first.declared.resources[0].config)).toBe(true);
    expect(Object.isFrozen(first.problems)).toBe(true);
  });

  it('given the same text at another path, or another text, when read, then it is read for itself', () => {
    const first = readSyncFileCached(file(stack('b:1')));
    const moved = readSyncFileCached(file(stack('b:1'), 'other.toml'));
    expect(moved).not.toBe(first);
    expect(moved.declared.resources[0].source.file).toBe('other.toml');
    const changed = readSyncFileCached(file(stack('b:2')));
    expect(changed.declared.resources[0].config.file_contents).toBe('b:2');
  });

  it('given texts past what is kept, when read, then the oldest goes and the newest stays', () => {
    const big = (mark: string) => file(`${stack(mark)}\n# ${mark.repeat(5_000_000)}`);
    const first = readSyncFileCached(big('c'));
    const second = readSyncFileCached(big('d'));
    expect(readSyncFileCached(big('d'))).toBe(second);
    expect(readSyncFileCached(big('c'))).not.toBe(first);
  });

  it('given a broken file, when read twice, then its problem both times', () => {
    const broken = file('[[stack]\nname = "s"');
    expect(readSyncFileCached(broken).problems).toHaveLength(1);
    expect(readSyncFileCached(broken).problems[0]).toMatchObject({ file: 'a.toml', line: 1 });
  });
});
