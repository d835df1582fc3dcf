import { Link } from '../router';
import type { HistoryEntry } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { resourcePath } from '../kinds';

/**
 * Where a change came from when it was not typed in: the sync that applied it, at which commit.
 * The sync's name is read as the viewer may read it; without Read, its id stands in.
 */
export function HistoryOrigin({ origin }: { origin: HistoryEntry['origin'] }) {
  const { api } = useSession();
  const id = origin?.type === 'ResourceSync' ? origin.id : undefined;
  const sync = useRequest(
    () => (id ? api.read('GetResourceSync', { sync: id }) : Promise.resolve(undefined)),
    [api, id],
  );
  if (!origin || !id) return null;
  return (
    <span className="muted" data-origin={origin.type}>
      {' '}
      · from sync <Link to={resourcePath('ResourceSync', id)}>{sync.data?.name ?? id}</Link>
      {origin.commit && <> at commit {origin.commit.slice(0, 8)}</>}
    </span>
  );
}
