import type { UpdateListItem } from '@monitor/contracts';
import { useUserName } from '../api/user-names';
import { resourcePath } from '../kinds';
import { Link } from '../router';
import { StateBadge } from './state-badge';
import { Time } from './time';

/** Updates, newest first: what ran or changed, on what, by whom, and how it ended. */
export function UpdatesTable(props: {
  updates: UpdateListItem[];
  showTarget?: boolean;
  /** Resource names by id, to name targets. */
  names?: Map<string, string>;
}) {
  const { updates, showTarget = true, names } = props;
  const userName = useUserName();
  if (!updates.length) return <p className="muted">No updates yet.</p>;
  return (
    <table className="updates">
      <thead>
        <tr>
          <th>operation</th>
          {showTarget && <th>target</th>}
          <th>by</th>
          <th>started</th>
          <th>result</th>
        </tr>
      </thead>
      <tbody>
        {updates.map((u) => (
          <tr key={u.id} data-update={u.id}>
            <td>
              <Link to={`/updates/${u.id}`}>{u.operation}</Link>
            </td>
            {showTarget && (
              <td>
                {u.target.type === 'System' ? (
                  'System'
                ) : (
                  <Link to={resourcePath(u.target.type, u.target.id)}>
                    {u.target.type} {names?.get(u.target.id) ?? u.target.id}
                  </Link>
                )}
              </td>
            )}
            <td>{userName(u.operator)}</td>
            <td>
              <Time ms={u.start_ts} />
            </td>
            <td>
              <StateBadge state={resultOf(u)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function resultOf(u: { status: string; success: boolean }): string {
  if (u.status !== 'Complete') return u.status;
  return u.success ? 'Complete' : 'Failed';
}
