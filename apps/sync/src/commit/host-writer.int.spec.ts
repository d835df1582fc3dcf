import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeUnder } from './host-writer';

/** writeUnder checks as it writes, whatever was checked before (a link made in between). */
describe('writeUnder: a file under the sync folder, never outside it', () => {
  let root: string;
  let outside: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'monitor-host-writer-'));
    outside = mkdtempSync(join(tmpdir(), 'monitor-host-outside-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('makes the folders of a new file under the root', async () => {
    await writeUnder(root, 'a/b/c.toml', 'x = 1\n');
    expect(readFileSync(join(root, 'a/b/c.toml'), 'utf8')).toBe('x = 1\n');
  });

  it('refuses a folder link leading out before making anything there', async () => {
    symlinkSync(outside, join(root, 'out'));
    await expect(writeUnder(root, 'out/new/c.toml', '')).rejects.toThrow(/leads out/);
    expect(existsSync(join(outside, 'new'))).toBe(false);
  });

  it('refuses to write through a file link', async () => {
    symlinkSync(join(outside, 'f.toml'), join(root, 'f.toml'));
    await expect(writeUnder(root, 'f.toml', 'x')).rejects.toThrow(/symbolic link/);
    expect(existsSync(join(outside, 'f.toml'))).toBe(false);
  });

  it('refuses .. and absolute paths', async () => {
    await expect(writeUnder(root, '../x.toml', '')).rejects.toThrow(/'\.\.'/);
    await expect(writeUnder(root, '/x.toml', '')).rejects.toThrow(/absolute/);
  });
});
