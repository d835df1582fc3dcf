import { useState } from 'react';
import type { ListUpdatesDto } from '@monitor/contracts';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import type { UpdateListItem } from '../api/types';
import { useRequest } from '../api/use-request';
import { useTargetNames } from '../api/use-target-names';
import { ErrorNote } from '../components/error-note';
import { UpdatesTable } from '../components/updates-table';

/** Every Update the user may see, newest first, a page at a time; the first page is live. */
export function UpdatesPage() {
  const { api } = useSession();
  const [page, setPage] = useState(0);
  const version = useLiveVersion({ update: () => page === 0 });
  const updates = useRequest(() => {
    const params: ListUpdatesDto = { page };
    return api.read<{ updates: UpdateListItem[]; next_page?: number | null }>(
      'ListUpdates',
      params,
    );
  }, [api, page, version]);
  const names = useTargetNames(updates.data?.updates);
  const next = updates.data?.next_page;
  return (
    <section>
      <h1>Updates</h1>
      <ErrorNote error={updates.error} />
      {updates.data && <UpdatesTable updates={updates.data.updates} names={names} />}
      <div className="buttons">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Newer
        </button>
        <button
          type="button"
          disabled={next === undefined || next === null}
          onClick={() => setPage(next ?? page)}
        >
          Older
        </button>
      </div>
    </section>
  );
}
