import { useCallback, useMemo, useState } from 'react';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { useTags } from '../api/use-tags';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { TagChip } from '../components/tag-chip';
import { resourcePath, stateOf, type KindListItem, type KindSpec } from '../kinds';
import { Link } from '../router';
import { CreateResourceDialog } from './create-resource-dialog';
import { mayCreate } from './may-create';

type SortKey = 'name' | 'state';

/** One kind's resources: search by name or tag, filter by tag, sort, create. */
export function ResourceListPage({ spec }: { spec: KindSpec }) {
  const { api, user } = useSession();
  const version = useLiveVersion({
    update: (u) => u.target.type === spec.kind,
    observed: spec.observed ? (c) => c.kind === spec.kind : undefined,
  });
  const tags = useTags();
  const list = useRequest(() => api.read(spec.requests.list), [api, spec, version]);
  const [search, setSearch] = useState('');
  const [tagFilter, setTagFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'name',
    descending: false,
  });
  const [creating, setCreating] = useState(false);

  // Resources hold tag ids; people search and read names.
  const tagNames = useCallback(
    (r: KindListItem) => r.tags.map((id) => tags.names.get(id) ?? id),
    [tags.names],
  );
  const shown = useMemo(() => {
    const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (r: KindListItem) =>
      terms.every(
        (t) =>
          r.name.toLowerCase().includes(t) ||
          tagNames(r).some((tag) => tag.toLowerCase().includes(t)),
      );
    const value = (r: KindListItem) => (sort.key === 'name' ? r.name : (stateOf(r) ?? ''));
    const sorted = (list.data ?? [])
      .filter((r) => !tagFilter || r.tags.includes(tagFilter))
      .filter(matches)
      .sort((a, b) => value(a).localeCompare(value(b)));
    return sort.descending ? sorted.reverse() : sorted;
  }, [list.data, tagNames, search, tagFilter, sort]);

  const sortBy = (key: SortKey) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const arrow = (key: SortKey) => (sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : '');

  return (
    <section>
      <header className="page-header">
        <h1>{spec.plural}</h1>
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
          placeholder={`Search ${spec.plural.toLowerCase()} by name or tag`}
          aria-label="Search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {tags.data && tags.data.length > 0 && (
          <select aria-label="Tag" value={tagFilter} onChange={(e) => setTagFilter(e.target.value)}>
            <option value="">All tags</option>
            {tags.data.map((t) => (
              <option key={t._id.$oid} value={t._id.$oid}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <ErrorNote error={list.error} />
      {list.data && shown.length === 0 ? (
        <p className="muted">
          {list.data.length ? 'Nothing matches.' : `No ${spec.plural.toLowerCase()} yet.`}
        </p>
      ) : (
        <table className="resources">
          <thead>
            <tr>
              <th aria-sort={ariaSort(sort, 'name')}>
                <button type="button" className="link" onClick={() => sortBy('name')}>
                  name{arrow('name')}
                </button>
              </th>
              <th aria-sort={ariaSort(sort, 'state')}>
                <button type="button" className="link" onClick={() => sortBy('state')}>
                  state{arrow('state')}
                </button>
              </th>
              <th>tags</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-resource={r.name}>
                <td>
                  <Link to={resourcePath(spec.kind, r.id)}>{r.name}</Link>
                </td>
                <td>
                  <StateBadge state={stateOf(r)} />
                </td>
                <td>
                  <span className="tag-list">
                    {r.tags.map((id) => (
                      <TagChip
                        key={id}
                        name={tags.names.get(id) ?? id}
                        color={tags.byId.get(id)?.color}
                      />
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <CreateResourceDialog spec={spec} onClose={() => setCreating(false)} />}
    </section>
  );
}

function ariaSort(sort: { key: SortKey; descending: boolean }, key: SortKey) {
  if (sort.key !== key) return undefined;
  return sort.descending ? 'descending' : 'ascending';
}
