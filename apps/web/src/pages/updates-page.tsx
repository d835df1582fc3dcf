import { useState } from 'react';
import type { ListUpdatesDto } from '@monitor/contracts';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { useTargetNames } from '../api/use-target-names';
import { ErrorNote } from '../components/error-note';
import { UpdatesTable } from '../components/updates-table';
import { Pager } from '../components/pager';

/** Every Update the user may see, newest first, a page at a time; the first page is live. */
export function UpdatesPage() {
  const { api } = useSession();
  const [page, setPage] = useState(0);
  const version = useLiveVersion({ update: () => page === 0 });
  const updates = useRequest(() => {
    const params: ListUpdatesDto = { page };
    return api.read('ListUpdates', params);
  }, [api, page, version]);
  const { names, error: namesError } = useTargetNames(updates.data?.updates);
  const next = updates.data?.next_page;
  return (
    <section>
      <h1>Updates</h1>
      <ErrorNote error={updates.error ?? namesError} />
      {updates.data && <UpdatesTable updates={updates.data.updates} names={names} />}
      <Pager page={page} next={next} onPage={setPage} />
    </section>
  );
}
