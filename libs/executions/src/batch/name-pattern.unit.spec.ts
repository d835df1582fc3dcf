import { matchesPattern, parsePattern, patternParts, PatternError } from './name-pattern';

describe('batch name patterns', () => {
  it('matches names, wildcards and regexes, comma or newline separated', () => {
    const names = ['api-1', 'api-2', 'web', 'worker.x', 'db', 'a(b)'];
    const pick = (p: string) => names.filter((n) => matchesPattern(p, n));
    expect(pick('web')).toEqual(['web']);
    expect(pick('api-*')).toEqual(['api-1', 'api-2']);
    expect(pick('api-?, db')).toEqual(['api-1', 'api-2', 'db']);
    expect(pick('worker.*')).toEqual(['worker.x']);
    expect(pick('w*.x\nweb')).toEqual(['web', 'worker.x']);
    expect(pick('\\^(web|db)$\\')).toEqual(['web', 'db']);
    expect(pick('a(b)')).toEqual(['a(b)']);
    expect(pick('nothing')).toEqual([]);
  });
  it("skips comments as Komodo's parse_string_list does: `#` lines and what follows ` #`", () => {
    const pattern = '# all the api servers\napi-* # not the workers\n  # more\nweb,db';
    expect(patternParts(pattern)).toEqual(['api-*', 'web', 'db']);
    expect(matchesPattern(pattern, 'api-1')).toBe(true);
    expect(matchesPattern(pattern, '# all the api servers')).toBe(false);
    expect(patternParts('\r\n , ,\n#only a comment')).toEqual([]);
  });
  it('refuses a bad regex, and what RE2 leaves out, saying why', () => {
    expect(() => parsePattern('\\(unclosed\\')).toThrow(PatternError);
    expect(() => parsePattern('\\(a)\\1\\')).toThrow(/not a regular expression RE2 accepts/);
    expect(() => parsePattern('\\a(?=b)\\')).toThrow(/Perl syntax/);
  });
  it('refuses a pattern too costly to run', () => {
    expect(() =>
      parsePattern('\\[\\s\\S]{1000}\\, \\[\\s\\S]{1000}\\, \\[\\s\\S]{1000}\\'),
    ).toThrow(/too complex/);
  });
  it('runs patterns that backtrack exponentially elsewhere in linear time', () => {
    const evil = `${'a'.repeat(30)}!`;
    expect(matchesPattern('\\^(a+)+$\\', evil)).toBe(false);
    expect(matchesPattern('\\^(a|a)*$\\', evil)).toBe(false);
    expect(matchesPattern(`${'*a'.repeat(20)}*b`, 'a'.repeat(128))).toBe(false);
  });
});
