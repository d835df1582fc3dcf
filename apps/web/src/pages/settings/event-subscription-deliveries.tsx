import { useEffect } from 'react';
import { useSession } from '../../api/session';
import { useRequest } from '../../api/use-request';
import { ActionButton } from '../../components/confirm-button';
import { ErrorNote } from '../../components/error-note';
import { StateBadge } from '../../components/state-badge';
import { Time } from '../../components/time';

/** How often the list is read again: deliveries move without an Update to hear of. */
const REFRESH_MS = 3_000;
const SHOWN = 50;

/**
 * One webhook's deliveries (`ListEventSubscriptionDeliveries`), newest first: state, event
 * type, tries, last error; those given up can be put back in its queue
 * (`RetryEventSubscriptionDeliveries`), in order per resource.
 */
export function EventSubscriptionDeliveries({ subscription }: { subscription: string }) {
  const { api } = useSession();
  const deliveries = useRequest(
    () => api.read('ListEventSubscriptionDeliveries', { subscription, limit: SHOWN }),
    [api, subscription],
  );
  const { reload } = deliveries;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const givenUp = deliveries.data?.filter((d) => d.state === 'GivenUp').length ?? 0;
  return (
    <div data-webhook-deliveries={subscription}>
      <ErrorNote error={deliveries.error} />
      {givenUp > 0 && (
        <ActionButton
          label={`Retry ${givenUp} given up`}
          action={async () => {
            await api.write('RetryEventSubscriptionDeliveries', { subscription });
            reload();
          }}
        />
      )}
      {deliveries.data?.length === 0 && <p className="muted">Nothing sent yet.</p>}
      {!!deliveries.data?.length && (
        <table aria-label="Webhook deliveries">
          <thead>
            <tr>
              <th>state</th>
              <th>event type</th>
              <th>resource</th>
              <th>tries</th>
              <th>last error</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <tr key={d.id} data-delivery={d.id} data-delivery-state={d.state}>
                <td>
                  <StateBadge state={d.state} />
                  {d.reason && <span className="muted"> {d.reason}</span>}
                </td>
                <td>{d.event_type}</td>
                <td>{d.resource}</td>
                <td>{d.attempts}</td>
                <td>{d.last_error}</td>
                <td>
                  <Time ms={d.delivered_ts ?? d.decided_ts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
