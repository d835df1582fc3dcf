import type { ListResourcesDto } from '@monitor/contracts';

/** The columns a list sorts by, and Komodo's `sort_by` for each (a deployment's server: Host). */
export const SORT_BY = { name: 'Name', state: 'State', server: 'Host', image: 'Image' } as const;
export type SortKey = keyof typeof SORT_BY;

const isSortKey = (key: string | null): key is SortKey =>
  key !== null && Object.hasOwn(SORT_BY, key);

/** What a resource list shows: kept in the URL, so back, forward and reload keep it. */
export interface ListQuery {
  /** 0-based; the URL counts from 1, as people do. */
  page: number;
  search: string;
  sort: SortKey;
  descending: boolean;
  /** A tag's id, or '' for every tag. */
  tag: string;
}

export const FIRST_PAGE: ListQuery = {
  page: 0,
  search: '',
  sort: 'name',
  descending: false,
  tag: '',
};

/** A list's query from the URL's `?q=&page=&sort=&desc=&tag=`; anything unreadable, its default. */
export function parseListQuery(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const page = Number(params.get('page'));
  const sort = params.get('sort');
  return {
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    search: params.get('q') ?? '',
    sort: isSortKey(sort) ? sort : 'name',
    descending: params.get('desc') === '1',
    tag: params.get('tag') ?? '',
  };
}

/** The URL's query string of a list's query ('' for the first page of everything by name). */
export function formatListQuery(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.tag) params.set('tag', query.tag);
  if (query.sort !== 'name') params.set('sort', query.sort);
  if (query.descending) params.set('desc', '1');
  if (query.page > 0) params.set('page', String(query.page + 1));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The words of a search, each of which a name must contain (Komodo's `query.terms`). */
export function termsOf(search: string): string[] {
  return search.split(/\s+/).filter(Boolean);
}

/** `List<Kinds>`' params for one page of the query: the gateway searches, sorts and pages. */
export function listParams(query: ListQuery, limit: number): ListResourcesDto {
  const terms = termsOf(query.search);
  return {
    query: {
      ...(terms.length ? { terms } : {}),
      ...(query.tag ? { tags: [query.tag] } : {}),
    },
    page: query.page,
    limit,
    sort_by: SORT_BY[query.sort],
    sort_desc: query.descending,
  };
}

/**
 * Whether a page follows this one. Unfiltered, the kind's total says; filtered, a full page
 * may have more behind it (the answer carries no count of matches).
 */
export function hasNextPage(
  query: ListQuery,
  shown: number,
  limit: number,
  total: number | undefined,
): boolean {
  if (shown < limit) return false;
  const filtered = Boolean(termsOf(query.search).length || query.tag);
  return filtered || total === undefined || (query.page + 1) * limit < total;
}
