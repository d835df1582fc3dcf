import type { ContainerAnswer } from '@monitor/contracts';
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
            {services.data.map(({ service, image, state, container }) => (
              <tr key={service} data-service={service}>
                <td>{service}</td>
                <td>{container?.name}</td>
                <td>{image}</td>
                <td>
                  <StateBadge state={containerState(container) ?? state} />
                </td>
                <td>{container?.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Docker's word for the container, as the other tabs show it: unhealthy over running. */
function containerState(container: ContainerAnswer | undefined): string | undefined {
  if (container?.health === 'unhealthy') return 'unhealthy';
  return container?.state || undefined;
}
