import type { ExecutionLog } from '../updates/update';
import { searchedLog, searchLines } from './log-search';

const text = 'GET /health 200\nPOST /login 401\nGET /login 200\nboot done\n';

describe('searchLines', () => {
  it('Or keeps lines with any term', () => {
    expect(searchLines(text, { terms: ['401', 'boot'], combinator: 'Or' })).toEqual([
      'POST /login 401',
      'boot done',
    ]);
  });

  it('And keeps lines with every term', () => {
    expect(searchLines(text, { terms: ['GET', 'login'], combinator: 'And' })).toEqual([
      'GET /login 200',
    ]);
  });

  it('invert keeps the lines the search would drop', () => {
    expect(searchLines(text, { terms: ['GET'], combinator: 'Or', invert: true })).toEqual([
      'POST /login 401',
      'boot done',
    ]);
  });

  it('treats terms as text, not patterns, and is case-sensitive', () => {
    expect(searchLines('a.c\nabc\n', { terms: ['a.c'], combinator: 'Or' })).toEqual(['a.c']);
    expect(searchLines('(x+)+$\n', { terms: ['(x+)+$'], combinator: 'Or' })).toEqual(['(x+)+$']);
    expect(searchLines(text, { terms: ['get'], combinator: 'Or' })).toEqual([]);
  });
});

describe('searchedLog', () => {
  const log: ExecutionLog = {
    stage: 'get container log',
    command: 'docker logs --tail 5000 web',
    stdout: 'ready\npassword=*****\nGET / 200',
    stderr: 'warn: slow\nerror: password=***** refused\n',
    success: true,
    start_ts: 1,
    end_ts: 2,
  };

  it("answers Komodo's Log: matching lines of stdout then stderr, all on stdout", () => {
    expect(searchedLog(log, { terms: ['GET', 'warn'], combinator: 'Or' }, 'search')).toEqual({
      stage: 'search',
      command: 'docker logs --tail 5000 web | search ("GET" OR "warn")',
      stdout: 'GET / 200\nwarn: slow\n',
      stderr: '',
      success: true,
      start_ts: 1,
      end_ts: 2,
    });
  });

  it('finds in the masked text only: a prefix of a masked secret matches nothing', () => {
    expect(searchedLog(log, { terms: ['password=a'], combinator: 'Or' }, 's').stdout).toBe('');
    const inverted = searchedLog(
      log,
      { terms: ['=*', 'ready'], combinator: 'Or', invert: true },
      's',
    );
    expect(inverted).toMatchObject({
      command: 'docker logs --tail 5000 web | search NOT ("=*" OR "ready")',
      stdout: 'GET / 200\nwarn: slow\n',
    });
  });
});
