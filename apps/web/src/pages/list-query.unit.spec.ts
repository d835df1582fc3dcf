import {
  FIRST_PAGE,
  formatListQuery,
  hasNextPage,
  listParams,
  parseListQuery,
  termsOf,
} from './list-query';

describe("a resource list's query in the URL", () => {
  it('given a query, when written to the URL and read back, then it is the same', () => {
    const query = {
      page: 3,
      search: 'web api',
      sort: 'state' as const,
      descending: true,
      tag: 't1',
    };
    const url = formatListQuery(query);
    expect(url).toBe('?q=web+api&tag=t1&sort=state&desc=1&page=4');
    expect(parseListQuery(url)).toEqual(query);
  });

  it('given the first page of everything by name, when written, then the URL has no query', () => {
    expect(formatListQuery(FIRST_PAGE)).toBe('');
    expect(parseListQuery('')).toEqual(FIRST_PAGE);
  });

  it("given a deployment's server or image column, when read, then it sorts by it", () => {
    expect(parseListQuery('?sort=server').sort).toBe('server');
    expect(listParams(parseListQuery('?sort=image&desc=1'), 50)).toMatchObject({
      sort_by: 'Image',
      sort_desc: true,
    });
    expect(listParams(parseListQuery('?sort=server'), 50).sort_by).toBe('Host');
  });

  it('given an unreadable page or sort, when read, then each is its default', () => {
    expect(parseListQuery('?page=-2&sort=cpu')).toEqual(FIRST_PAGE);
    expect(parseListQuery('?sort=toString').sort).toBe('name');
    expect(parseListQuery('?page=abc&desc=yes')).toEqual(FIRST_PAGE);
    expect(parseListQuery('?page=1.5').page).toBe(0);
  });
});

describe("a resource list's request", () => {
  it('given a search, a tag and a sort, when asked, then List<Kinds> gets terms, tags, page, limit and sort', () => {
    expect(
      listParams(
        { page: 2, search: '  web  api ', sort: 'state', descending: true, tag: 't1' },
        50,
      ),
    ).toEqual({
      query: { terms: ['web', 'api'], tags: ['t1'] },
      page: 2,
      limit: 50,
      sort_by: 'State',
      sort_desc: true,
    });
  });

  it('given no search and no tag, when asked, then the query is empty and sorted by name', () => {
    expect(listParams(FIRST_PAGE, 50)).toEqual({
      query: {},
      page: 0,
      limit: 50,
      sort_by: 'Name',
      sort_desc: false,
    });
  });

  it('splits a search into words', () => {
    expect(termsOf('')).toEqual([]);
    expect(termsOf(' a\tb  c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('whether a list has a next page', () => {
  it('given a page not full, then there is none', () => {
    expect(hasNextPage(FIRST_PAGE, 49, 50, 10_000)).toBe(false);
  });

  it("given no filter, then the kind's total says", () => {
    expect(hasNextPage(FIRST_PAGE, 50, 50, 51)).toBe(true);
    expect(hasNextPage(FIRST_PAGE, 50, 50, 50)).toBe(false);
    expect(hasNextPage({ ...FIRST_PAGE, page: 199 }, 50, 50, 10_000)).toBe(false);
    expect(hasNextPage({ ...FIRST_PAGE, page: 198 }, 50, 50, 10_000)).toBe(true);
  });

  it('given a search or a tag, then a full page may have more behind it', () => {
    expect(hasNextPage({ ...FIRST_PAGE, search: 'web' }, 50, 50, 50)).toBe(true);
    expect(hasNextPage({ ...FIRST_PAGE, tag: 't1' }, 50, 50, 50)).toBe(true);
  });
});
