import { useSession } from '../api/session';
import { useNamesOf } from '../api/use-target-names';
import { DeliveriesTable, usePolledDeliveries } from '../components/deliveries-table';

/**
 * What the Alerter was sent and how it went (`ListAlertDeliveries`), newest first; those given
 * up can be put back in its queue (`RetryAlertDeliveries`).
 */
export function AlerterDeliveriesTab({ id, canExecute }: { id: string; canExecute: boolean }) {
  const { api } = useSession();
  const deliveries = usePolledDeliveries(
    () => api.read('ListAlertDeliveries', { alerter: id }),
    [api, id],
  );
  const { names, error: namesError } = useNamesOf(deliveries.data?.map((d) => d.target) ?? []);
  return (
    <div>
      <DeliveriesTable
        label="Deliveries"
        deliveries={deliveries}
        retry={canExecute ? () => api.write('RetryAlertDeliveries', { alerter: id }) : undefined}
        error={namesError}
        empty="Nothing delivered yet."
        what={{ header: 'alert type', cell: (d) => d.alert_type }}
        subject={{
          header: 'target',
          cell: ({ target }) =>
            target.type === 'System'
              ? 'System'
              : `${target.type}: ${names.get(target.id) ?? target.id}`,
        }}
        triesHeader="attempts"
      />
    </div>
  );
}
