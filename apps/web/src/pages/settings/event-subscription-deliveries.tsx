import { useSession } from '../../api/session';
import { DeliveriesTable, usePolledDeliveries } from '../../components/deliveries-table';

const SHOWN = 50;

/**
 * One webhook's deliveries (`ListEventSubscriptionDeliveries`), newest first: state, event
 * type, tries, last error; those given up can be put back in its queue
 * (`RetryEventSubscriptionDeliveries`), in order per resource.
 */
export function EventSubscriptionDeliveries({ subscription }: { subscription: string }) {
  const { api } = useSession();
  const deliveries = usePolledDeliveries(
    () => api.read('ListEventSubscriptionDeliveries', { subscription, limit: SHOWN }),
    [api, subscription],
  );
  return (
    <div data-webhook-deliveries={subscription}>
      <DeliveriesTable
        label="Webhook deliveries"
        deliveries={deliveries}
        retry={() => api.write('RetryEventSubscriptionDeliveries', { subscription })}
        empty="Nothing sent yet."
        what={{ header: 'event type', cell: (d) => d.event_type }}
        subject={{ header: 'resource', cell: (d) => d.resource }}
        triesHeader="tries"
      />
    </div>
  );
}
