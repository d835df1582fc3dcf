import { useEffect } from 'react';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ActionButton } from '../components/confirm-button';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { Time } from '../components/time';
import { useNamesOf } from '../api/use-target-names';

/** How often the table is read again: deliveries move without an Update to hear of. */
const REFRESH_MS = 3_000;

/**
 * What the Alerter was sent and how it went (`ListAlertDeliveries`), newest first; those given
 * up can be put back in its queue (`RetryAlertDeliveries`).
 */
export function AlerterDeliveriesTab({ id, canExecute }: { id: string; canExecute: boolean }) {
  const { api } = useSession();
  const deliveries = useRequest(() => api.read('ListAlertDeliveries', { alerter: id }), [api, id]);
  const { names, error: namesError } = useNamesOf(deliveries.data?.map((d) => d.target) ?? []);
  const { reload } = deliveries;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const givenUp = deliveries.data?.filter((d) => d.state === 'GivenUp').length ?? 0;
  return (
    <div>
      <ErrorNote error={deliveries.error ?? namesError} />
      {canExecute && givenUp > 0 && (
        <ActionButton
          label={`Retry ${givenUp} given up`}
          action={async () => {
            await api.write('RetryAlertDeliveries', { alerter: id });
            reload();
          }}
        />
      )}
      {deliveries.data?.length === 0 && <p className="muted">Nothing delivered yet.</p>}
      {!!deliveries.data?.length && (
        <table aria-label="Deliveries">
          <thead>
            <tr>
              <th>state</th>
              <th>alert type</th>
              <th>target</th>
              <th>attempts</th>
              <th>last error</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <tr key={d.id} data-delivery={d.id}>
                <td>
                  <StateBadge state={d.state} />
                  {d.reason && <span className="muted"> {d.reason}</span>}
                </td>
                <td>{d.alert_type}</td>
                <td>
                  {d.target.type === 'System'
                    ? 'System'
                    : `${d.target.type}: ${names.get(d.target.id) ?? d.target.id}`}
                </td>
                <td>{d.attempts}</td>
                {/* A delivered one's status is no error. */}
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
