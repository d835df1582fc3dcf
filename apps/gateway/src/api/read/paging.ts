import { getPath } from '@monitor/domain';

/** One page of a list, and the page after it when there is one (Komodo's `next_page`). */
export function pageOf<T>(
  all: T[],
  page: number,
  size: number,
): { items: T[]; next_page: number | null } {
  const items = all.slice(page * size, (page + 1) * size);
  return { items, next_page: all.length > (page + 1) * size ? page + 1 : null };
}

/** A Mongo-style query of dotted paths to equal values, e.g. `{ "target.type": "Server" }`. */
export function matchesQuery(value: unknown, query: Record<string, unknown>): boolean {
  return Object.entries(query).every(
    ([path, expected]) => getPath(value, path.split('.')) === expected,
  );
}
