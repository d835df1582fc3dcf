import { isDeliveryFinal, type DeliveryStatus } from './delivery-state';

/**
 * In order per group (an alert to an alerter; a resource's events to a subscription): a
 * delivery goes only once every earlier one of its group is done with (delivered, skipped or
 * given up), so a resolve never overtakes its open. An earlier one still pending, in flight,
 * held or undecided holds it back.
 */
export function mayAttempt(
  delivery: { status: DeliveryStatus },
  earlierDeliveriesOfSameGroup: readonly { status: DeliveryStatus }[],
): boolean {
  return delivery.status === 'Pending' && earlierDeliveriesOfSameGroup.every(isDeliveryFinal);
}
