import { isDeliveryFinal, type DeliveryState } from './delivery-state';

/**
 * In order per alert: an alert event goes to an alerter only once every earlier event of the
 * same alert to that alerter is done with (delivered, skipped or given up), so a resolve never
 * overtakes its open. An earlier one still pending, in flight, held or undecided holds it back.
 */
export function mayAttempt(
  delivery: DeliveryState,
  earlierDeliveriesOfSameAlertAndAlerter: readonly DeliveryState[],
): boolean {
  return (
    delivery.status === 'Pending' && earlierDeliveriesOfSameAlertAndAlerter.every(isDeliveryFinal)
  );
}
