import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';

/**
 * The server's containers, live from its agent, read again when a deployment's or a stack's
 * observed state changes (which may be on this host).
 */
export function ContainersTab({ id, version }: { id: string; version: number }) {
  const { api } = useSession();
  const containersChanged = useLiveVersion({
    observed: (c) => c.kind === 'Deployment' || c.kind === 'Stack',
  });
  const containers = useRequest(
    () => api.read('ListContainers', { server: id }),
    [api, id, version, containersChanged],
  );
  return (
    <div>
      <ErrorNote error={containers.error} />
      {containers.data && containers.data.length === 0 && <p className="muted">No containers.</p>}
      {containers.data && containers.data.length > 0 && (
        <table className="containers">
          <thead>
            <tr>
              <th>name</th>
              <th>image</th>
              <th>state</th>
              <th>status</th>
              <th>ports</th>
            </tr>
          </thead>
          <tbody>
            {[...containers.data]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((c) => (
                <tr key={c.id ?? c.name} data-container={c.name}>
                  <td>{c.name}</td>
                  <td>{c.image}</td>
                  <td>
                    <StateBadge state={c.health === 'unhealthy' ? 'unhealthy' : c.state} />
                  </td>
                  <td>{c.status}</td>
                  <td>
                    {(c.ports ?? [])
                      .filter((p) => p.PublicPort)
                      .map((p) => `${p.PublicPort}→${p.PrivatePort}/${p.Type}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
