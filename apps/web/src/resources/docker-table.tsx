import type { ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';

export interface Column<T> {
  header: string;
  cell(item: T): ReactNode;
}

interface Props<T> {
  /** The server's id. */
  server: string;
  version: number;
  /** `ListImages`, `ListNetworks`, …: answered live by the server's agent, typed by the catalogue. */
  read(api: ApiClient): Promise<T[]>;
  /** What the rows are, for "No images." and the table's `data-objects`. */
  noun: string;
  rowKey(item: T): string;
  columns: Column<T>[];
}

/**
 * One of a server's Docker lists as a table, read again when a deployment's or a stack's
 * observed state changes (a deploy pulls images and makes networks and volumes).
 */
export function DockerTable<T>({ server, version, read, noun, rowKey, columns }: Props<T>) {
  const { api } = useSession();
  const deployed = useLiveVersion({
    observed: (c) => c.kind === 'Deployment' || c.kind === 'Stack',
  });
  const items = useRequest(() => read(api), [api, noun, server, version, deployed]);
  return (
    <div>
      <ErrorNote error={items.error} />
      {items.data && items.data.length === 0 && <p className="muted">No {noun}.</p>}
      {items.data && items.data.length > 0 && (
        <table className="docker-objects" data-objects={noun}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.data.map((item) => (
              <tr key={rowKey(item)} data-row={rowKey(item)}>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(item)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
