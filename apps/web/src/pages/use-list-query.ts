import { useCallback, useMemo } from 'react';
import { navigate, useLocationSearch } from '../router';
import { formatListQuery, parseListQuery, type ListQuery } from './list-query';

/**
 * A list's query, read from and written to the URL. A new page or sort is a step back and
 * forward go through; a search typed is written over the current step (`replace`), so back
 * leaves the list rather than unwinding the typing.
 */
export function useListQuery(): [ListQuery, (query: ListQuery, replace?: boolean) => void] {
  const search = useLocationSearch();
  const query = useMemo(() => parseListQuery(search), [search]);
  const setQuery = useCallback((next: ListQuery, replace = false) => {
    const url = `${location.pathname}${formatListQuery(next)}`;
    if (url !== `${location.pathname}${location.search}`) navigate(url, { replace });
  }, []);
  return [query, setQuery];
}
