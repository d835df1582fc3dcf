import {
  formatVersion,
  isNoVersion,
  parseVersion,
  versionProblem,
  versionToBuild,
} from './version';

const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });

describe('build versions', () => {
  it("reads Komodo's text, missing parts as 0, and writes major.minor.patch", () => {
    expect(parseVersion('1.2.3')).toEqual(v(1, 2, 3));
    expect(parseVersion('2')).toEqual(v(2, 0, 0));
    expect(parseVersion(' 0.4 ')).toEqual(v(0, 4, 0));
    expect(formatVersion(v(10, 0, 7))).toBe('10.0.7');
  });

  it('refuses what Komodo would misread: signs, a fourth part, words, parts beyond an i32', () => {
    for (const text of ['-1.0.0', '+1', '1.2.3.4', 'v1.2', '1..2', '', '2147483648.0.0'])
      expect(parseVersion(text)).toBeUndefined();
    expect(parseVersion('2147483647.0.0')).toEqual(v(2147483647, 0, 0));
  });

  it('says which part of a written version is wrong', () => {
    expect(versionProblem(v(1, 2, 3))).toBeUndefined();
    expect(versionProblem({ major: 1, minor: -1, patch: 0 })).toMatch(
      /^minor must be a whole number/,
    );
    expect(versionProblem({ major: 1.5, minor: 0, patch: 0 })).toMatch(/^major/);
    expect(versionProblem('1.2.3')).toBe('must be {major, minor, patch}');
  });

  it('builds the next patch unless pinned, leaving the current version as it was', () => {
    const current = v(1, 4, 9);
    expect(versionToBuild(current, true)).toEqual(v(1, 4, 10));
    expect(versionToBuild(current, false)).toEqual(v(1, 4, 9));
    expect(versionToBuild(v(0, 0, 0), true)).toEqual(v(0, 0, 1));
    expect(current).toEqual(v(1, 4, 9));
  });

  it('knows 0.0.0 as no version', () => {
    expect(isNoVersion(v(0, 0, 0))).toBe(true);
    expect(isNoVersion(v(0, 0, 1))).toBe(false);
  });
});
