import { matchesPattern, parsePattern } from './name-pattern';

describe('batch name patterns', () => {
  it('matches names, wildcards and regexes, comma or newline separated', () => {
    const names = ['api-1', 'api-2', 'web', 'worker.x', 'db'];
    const pick = (p: string) => names.filter((n) => matchesPattern(p, n));
    expect(pick('web')).toEqual(['web']);
    expect(pick('api-*')).toEqual(['api-1', 'api-2']);
    expect(pick('api-?, db')).toEqual(['api-1', 'api-2', 'db']);
    expect(pick('worker.*')).toEqual(['worker.x']);
    expect(pick('w*.x\nweb')).toEqual(['web', 'worker.x']);
    expect(pick('\\^(web|db)$\\')).toEqual(['web', 'db']);
    expect(pick('nothing')).toEqual([]);
  });
  it('refuses a bad regex', () => {
    expect(() => parsePattern('\\(unclosed\\')).toThrow();
  });
});
