import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileInStack, problemWithRelativePath } from './stack-paths';

describe('paths inside a stack or repo directory', () => {
  const directory = mkdtempSync(join(tmpdir(), 'stack-paths-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([
    ['', 'must be a non-empty string'],
    ['/etc/passwd', 'must be a relative path, not absolute'],
    ['app/../../x', "must not contain '..'"],
    // Git runs what .git/config names (core.fsmonitor) at its next step: never written by a user.
    ['.git/config', "must not be inside '.git'"],
    ['sub/.Git/hooks/post-merge', "must not be inside '.git'"],
  ])('refuses %j', (path, why) => {
    expect(problemWithRelativePath(path)).toContain(why);
    expect(() => fileInStack(directory, path)).toThrow(why);
  });

  it('takes a plain path below the directory, a .gitignore included', () => {
    expect(fileInStack(directory, 'compose/.gitignore')).toBe(
      join(directory, 'compose/.gitignore'),
    );
  });
});
