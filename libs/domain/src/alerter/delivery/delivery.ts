import { conflict, invalid } from '../../shared/domain-error';
import type { DeliveryCommand, DeliveryEvent } from './delivery-events';
import { evolveDelivery, type DecidedDelivery, type DeliveryState } from './delivery-state';
import { abandonedAttempt } from './abandoned-attempt';
import { afterFailure, isRetryable } from './retry-policy';

/** An error message kept in a failure event; the rest is cut (the sender masked it already). */
export const DELIVERY_ERROR_MAX = 1_000;

/**
 * The delivery of one alert event to one alerter. Two replicas claiming the same attempt both
 * append at the revision they read; the event store lets one through. This decide refuses what
 * no replica should do even alone: a second claim while one is in flight, a claim before the
 * attempt is due, anything after the end.
 */
export function decideDelivery(state: DeliveryState, command: DeliveryCommand): DeliveryEvent[] {
  if (command.type === 'Decide') return decide(state, command);
  if (state.status === 'Empty') throw conflict('delivery not decided yet');
  switch (command.type) {
    case 'Claim':
      return claim(state, command);
    case 'Fail':
      return fail(state, command);
    case 'Deliver':
      return deliver(state, command);
    case 'Retry':
      if (state.status !== 'GivenUp') throw conflict(`delivery is ${state.status}, not given up`);
      return [{ type: 'DeliveryRetried', data: { at: checkTime(command.at), by: command.by } }];
  }
}

function decide(state: DeliveryState, command: Extract<DeliveryCommand, { type: 'Decide' }>) {
  // Followers replay: a pair decided already stays as decided. Only a held one is decided again.
  if (state.status !== 'Empty' && state.status !== 'Held') return [];
  const { type: _command, at, ...rest } = command;
  if (rest.verdict === 'hold') {
    checkTime(rest.until);
    if (state.status === 'Held' && state.heldUntil === rest.until) return [];
  }
  if (!rest.alert_event_key || !rest.alerter_id) {
    throw invalid('alert_event_key and alerter_id: must not be empty');
  }
  return [{ type: 'DeliveryDecided', data: { ...rest, at: checkTime(at) } } as DeliveryEvent];
}

/** What a claim on an attempt left by a dead process records before its own claim. */
export const ABANDONED_ATTEMPT = 'attempt abandoned: no result within the claim lease';

function claim(
  state: DecidedDelivery,
  command: Extract<DeliveryCommand, { type: 'Claim' }>,
): DeliveryEvent[] {
  const at = checkTime(command.at);
  const abandoned =
    command.leaseMs === undefined ? undefined : abandonedAttempt(state, at, command.leaseMs);
  if (abandoned !== undefined) {
    // Failed with no status (retryable) and due at once: the claim follows in the same append.
    const failed: DeliveryEvent = {
      type: 'DeliveryAttemptFailed',
      data: {
        attempt: abandoned,
        at,
        error: ABANDONED_ATTEMPT,
        retryable: true,
        next_attempt_at: at,
      },
    };
    const next = claim(evolveDelivery(state, failed) as DecidedDelivery, {
      ...command,
      leaseMs: undefined,
    });
    return [failed, ...next];
  }
  if (state.status === 'InFlight') {
    throw conflict(`attempt ${state.attempts} is in flight (claimed by ${state.claim?.by})`);
  }
  if (state.status === 'Held') throw conflict(`delivery is held until ${state.heldUntil}`);
  if (state.status !== 'Pending') throw conflict(`delivery is ${state.status}`);
  if (at < (state.dueAt ?? 0)) throw conflict(`next attempt is due at ${state.dueAt}`);
  if (!command.by) throw invalid('by: name the replica that claims the attempt');
  return [
    {
      type: 'DeliveryAttemptClaimed',
      data: { attempt: state.attempts + 1, at, by: command.by },
    } satisfies DeliveryEvent,
  ];
}

function fail(
  state: DecidedDelivery,
  command: Extract<DeliveryCommand, { type: 'Fail' }>,
): DeliveryEvent[] {
  checkAttempt(state, command.attempt);
  const at = checkTime(command.at);
  const { attempt, status } = command;
  const verdict = afterFailure(
    {
      attempt,
      status,
      retryAfter: command.retryAfter,
      at,
      firstAttemptAt: state.firstAttemptAt ?? at,
      permanent: command.permanent,
    },
    command.random,
    command.policy,
  );
  const failed = {
    attempt,
    at,
    ...(status === undefined ? {} : { status }),
    error: command.error.slice(0, DELIVERY_ERROR_MAX),
    retryable: !command.permanent && isRetryable(status),
    ...(verdict.retryAfterMs === undefined ? {} : { retry_after_ms: verdict.retryAfterMs }),
  };
  if (verdict.retry) {
    return [
      {
        type: 'DeliveryAttemptFailed',
        data: { ...failed, next_attempt_at: verdict.nextAttemptAt },
      },
    ];
  }
  return [
    { type: 'DeliveryAttemptFailed', data: failed },
    { type: 'DeliveryGivenUp', data: { at, reason: verdict.reason } },
  ];
}

function deliver(state: DecidedDelivery, command: Extract<DeliveryCommand, { type: 'Deliver' }>) {
  // The same answer recorded twice (a retried append) is one delivery.
  if (state.status === 'Delivered' && state.attempts === command.attempt) return [];
  checkAttempt(state, command.attempt);
  const { attempt, status } = command;
  return [
    {
      type: 'DeliveryDelivered',
      data: { attempt, at: checkTime(command.at), status },
    } satisfies DeliveryEvent,
  ];
}

/** Only the attempt in flight can end, and only once. */
function checkAttempt(state: DecidedDelivery, attempt: number): void {
  if (state.status !== 'InFlight' || state.attempts !== attempt) {
    throw conflict(`attempt ${attempt} is not in flight (delivery is ${state.status})`);
  }
}

function checkTime(at: unknown): number {
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
    throw invalid('at: must be milliseconds since the epoch', { field: 'at' });
  }
  return at;
}

export const deliveryDecider = {
  initialState: (): DeliveryState => ({ status: 'Empty' }),
  evolve: evolveDelivery,
  decide: decideDelivery,
};
