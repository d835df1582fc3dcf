import { useEffect, useState } from 'react';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useDebounced } from '../api/use-debounced';
import { useRequest } from '../api/use-request';
import { useTags } from '../api/use-tags';
import { ErrorNote } from '../components/error-note';
import { Pager } from '../components/pager';
import { StateBadge } from '../components/state-badge';
import { TagChip } from '../components/tag-chip';
import { resourcePath, stateOf, type KindListItem, type KindSpec } from '../kinds';
import { Link } from '../router';
import { CreateResourceDialog } from './create-resource-dialog';
import { LIST_COLUMNS, type ListColumn } from './list-columns';
import { hasNextPage, listParams, termsOf, type ListQuery, type SortKey } from './list-query';
import { mayCreate } from './may-create';
import { useListQuery } from './use-list-query';

/** Resources a page shows: a page of 10,000 renders as fast as a page of 50. */
export const PAGE_SIZE = 50;

/**
 * One kind's resources a page at a time: the gateway searches (by name), filters by tag, sorts
 * and pages (`List<Kinds>`); the count is the kind's summary. The query lives in the URL.
 */
export function ResourceListPage({ spec }: { spec: KindSpec }) {
  const { api, user } = useSession();
  const version = useLiveVersion({
    update: (u) => u.target.type === spec.kind,
    observed: spec.observed ? (c) => c.kind === spec.kind : undefined,
  });
  const tags = useTags();
  const [query, setQuery] = useListQuery();
  const typed = useTypedSearch(query, setQuery);
  const params = JSON.stringify(listParams(query, PAGE_SIZE));
  const list = useRequest(
    () => api.read(spec.requests.list, JSON.parse(params)),
    [api, spec, params, version],
  );
  const summary = useRequest(() => api.read(spec.requests.summary), [api, spec, version]);
  const [creating, setCreating] = useState(false);
  const total = summary.data?.total;
  const items = list.data ?? [];
  const columns = LIST_COLUMNS[spec.kind] ?? [];

  const sortBy = (sort: SortKey) =>
    setQuery({
      ...query,
      sort,
      descending: query.sort === sort ? !query.descending : false,
      page: 0,
    });
  const first = query.page * PAGE_SIZE;

  return (
    <section>
      <header className="page-header">
        <h1>
          {spec.plural}{' '}
          <span className="muted" data-testid="list-total">
            {total === undefined ? '' : total.toLocaleString('en')}
          </span>
        </h1>
        {mayCreate(user, spec.kind) && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New {spec.kind}
          </button>
        )}
      </header>
      <div className="filters">
        <input
          type="search"
          className="search"
          placeholder={`Search ${spec.plural.toLowerCase()} by name`}
          aria-label="Search"
          value={typed.value}
          onChange={(e) => typed.set(e.target.value)}
        />
        {tags.data && tags.data.length > 0 && (
          <select
            aria-label="Tag"
            value={query.tag}
            onChange={(e) => setQuery({ ...query, tag: e.target.value, page: 0 })}
          >
            <option value="">All tags</option>
            {tags.data.map((t) => (
              <option key={t._id.$oid} value={t._id.$oid}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <ErrorNote error={list.error ?? summary.error} />
      {list.data && items.length === 0 ? (
        <p className="muted">{emptyNote(spec, query)}</p>
      ) : (
        <table className="resources" aria-busy={list.loading}>
          <thead>
            <tr>
              {(['name', 'state'] as const).map((key) => (
                <SortHeader key={key} column={key} query={query} onSort={sortBy} />
              ))}
              {columns.map((c) => (
                <SortHeader key={c.key} column={c.key} query={query} onSort={sortBy} />
              ))}
              <th>tags</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <ResourceRow key={r.id} spec={spec} resource={r} columns={columns} tags={tags} />
            ))}
          </tbody>
        </table>
      )}
      {(query.page > 0 || items.length > 0) && (
        <div className="list-pages">
          <span className="muted" data-testid="list-range">
            {items.length ? `${first + 1}–${first + items.length}` : ''}
          </span>
          <Pager
            page={query.page}
            next={hasNextPage(query, items.length, PAGE_SIZE, total) ? query.page + 1 : null}
            onPage={(page) => setQuery({ ...query, page })}
            labels={{ previous: 'Previous', next: 'Next' }}
          />
        </div>
      )}
      {creating && <CreateResourceDialog spec={spec} onClose={() => setCreating(false)} />}
    </section>
  );
}

function ResourceRow(props: {
  spec: KindSpec;
  resource: KindListItem;
  columns: ListColumn[];
  tags: ReturnType<typeof useTags>;
}) {
  const { spec, resource: r, columns, tags } = props;
  return (
    <tr data-resource={r.name}>
      <td>
        <Link to={resourcePath(spec.kind, r.id)}>{r.name}</Link>
      </td>
      <td>
        <StateBadge state={stateOf(r)} />
      </td>
      {columns.map((c) => {
        const target = c.link?.(r);
        return (
          <td key={c.key}>
            {target ? (
              <Link to={resourcePath(target.kind, target.id)}>{c.text(r)}</Link>
            ) : (
              c.text(r)
            )}
          </td>
        );
      })}
      <td>
        <span className="tag-list">
          {r.tags.map((id) => (
            <TagChip key={id} name={tags.names.get(id) ?? id} color={tags.byId.get(id)?.color} />
          ))}
        </span>
      </td>
    </tr>
  );
}

/**
 * The search box's text, sent (as the URL's `q`, from the first page) once the typing pauses;
 * back and forward put the URL's search back in the box.
 */
function useTypedSearch(query: ListQuery, setQuery: (q: ListQuery, replace?: boolean) => void) {
  const [value, set] = useState(query.search);
  const [shown, setShown] = useState(query.search);
  const settled = useDebounced(value);
  // Adjusted while rendering: a search from the URL (back, forward) replaces what was typed.
  if (query.search !== shown) {
    setShown(query.search);
    if (query.search !== settled) set(query.search);
  }
  useEffect(() => {
    if (settled !== query.search && settled === value)
      setQuery({ ...query, search: settled, page: 0 }, true);
  }, [settled, value, query, setQuery]);
  return { value, set };
}

function emptyNote(spec: KindSpec, query: ListQuery): string {
  if (query.page > 0) return 'Nothing on this page.';
  if (termsOf(query.search).length || query.tag) return 'Nothing matches.';
  return `No ${spec.plural.toLowerCase()} yet.`;
}

/** A column's heading: a click sorts by it, a second click reverses. */
function SortHeader(props: { column: SortKey; query: ListQuery; onSort(key: SortKey): void }) {
  const { column, query } = props;
  const sorted = query.sort === column;
  return (
    <th aria-sort={sorted ? (query.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="link" onClick={() => props.onSort(column)}>
        {column}
        {sorted ? (query.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}
