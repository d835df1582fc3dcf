import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';

/** The stack's services, live from its server's agent. */
export function StackServicesTab({ id, version }: { id: string; version: number }) {
  const { api } = useSession();
  const services = useRequest(
    () => api.read('ListStackServices', { stack: id }),
    [api, id, version],
  );
  return (
    <div>
      <ErrorNote error={services.error} />
      {services.data && services.data.length === 0 && (
        <p className="muted">No service is running: deploy the stack.</p>
      )}
      {services.data && services.data.length > 0 && (
        <table className="services">
          <thead>
            <tr>
              <th>service</th>
              <th>container</th>
              <th>image</th>
              <th>state</th>
              <th>status</th>
            </tr>
          </thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.container_name} data-service={s.service}>
                <td>{s.service}</td>
                <td>{s.container_name}</td>
                <td>{s.image}</td>
                <td>
                  <StateBadge state={s.health === 'unhealthy' ? 'unhealthy' : s.state} />
                </td>
                <td>{s.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
