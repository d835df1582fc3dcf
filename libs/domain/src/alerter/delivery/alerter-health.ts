import { invalid } from '../../shared/domain-error';
import type { DomainEvent } from '../../shared/domain-event';
import type { DeliveryEvent } from './delivery-events';

export type AlerterHealth = 'Ok' | 'Failing';

/** Failed attempts in a row, across deliveries, that make an alerter Failing. */
export const FAILING_AFTER = 5;

export interface AlerterHealthFold {
  health: AlerterHealth;
  failuresInARow: number;
}

export const initialAlerterHealth = (): AlerterHealthFold => ({ health: 'Ok', failuresInARow: 0 });

/**
 * One step of the fold over an alerter's delivery events in store order: a failed attempt
 * counts, a delivery resets. Other events (decisions, claims) change nothing.
 */
export function foldAlerterHealth(
  fold: AlerterHealthFold,
  event: DeliveryEvent | DomainEvent,
): AlerterHealthFold {
  if (event.type === 'DeliveryDelivered') return initialAlerterHealth();
  if (event.type !== 'DeliveryAttemptFailed') return fold;
  const failuresInARow = fold.failuresInARow + 1;
  return { health: failuresInARow >= FAILING_AFTER ? 'Failing' : fold.health, failuresInARow };
}

/** The health an alerter's delivery events, in store order, come to. */
export function alerterHealth(events: Iterable<DeliveryEvent | DomainEvent>): AlerterHealthFold {
  let fold = initialAlerterHealth();
  for (const event of events) fold = foldAlerterHealth(fold, event);
  return fold;
}

/**
 * The alerter's own record of its health changes: stream `alerterhealth-<alerterId>` (not
 * `alerter-...`: that family is the Alerter resources' own).
 */
export const alerterHealthStream = (alerterId: string) => `alerterhealth-${alerterId}`;

export type AlerterHealthEvent = DomainEvent<
  'AlerterHealthChanged',
  { from: AlerterHealth; to: AlerterHealth; failures_in_a_row: number; at: number }
>;

export type AlerterHealthCommand = {
  type: 'Observe';
  /** The fold's value now. */
  observed: AlerterHealthFold;
  at: number;
};

export type RecordedHealth = { health: AlerterHealth };

export function evolveAlerterHealth(
  state: RecordedHealth,
  event: AlerterHealthEvent | DomainEvent,
): RecordedHealth {
  const e = event as AlerterHealthEvent;
  return e.type === 'AlerterHealthChanged' ? { health: e.data.to } : state;
}

/** Records a change only: the same health observed again (every replay) appends nothing. */
export function decideAlerterHealth(
  state: RecordedHealth,
  command: AlerterHealthCommand,
): AlerterHealthEvent[] {
  const { health, failuresInARow } = command.observed;
  if (!Number.isFinite(command.at)) throw invalid('at: must be milliseconds since the epoch');
  if (health === state.health) return [];
  return [
    {
      type: 'AlerterHealthChanged',
      data: { from: state.health, to: health, failures_in_a_row: failuresInARow, at: command.at },
    },
  ];
}

export const alerterHealthDecider = {
  initialState: (): RecordedHealth => ({ health: 'Ok' }),
  evolve: evolveAlerterHealth,
  decide: decideAlerterHealth,
};
