import { searchLines } from './log-search';

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
