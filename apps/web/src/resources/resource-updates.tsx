import type { ResourceKind } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { UpdatesTable } from '../components/updates-table';

/** The Updates of one resource, newest first. */
export function ResourceUpdates({
  kind,
  id,
  version,
}: {
  kind: ResourceKind;
  id: string;
  version: number;
}) {
  const { api } = useSession();
  const updates = useRequest(
    () =>
      api.read('ListUpdates', {
        query: { 'target.type': kind, 'target.id': id },
      }),
    [api, kind, id, version],
  );
  return (
    <div>
      <ErrorNote error={updates.error} />
      {updates.data && <UpdatesTable updates={updates.data.updates} showTarget={false} />}
    </div>
  );
}
