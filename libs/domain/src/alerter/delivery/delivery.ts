import { conflict, invalid } from '../../shared/domain-error';
import type { DeliveryCommand, DeliveryEvent, DeliverySubject } from './delivery-events';
import { evolveDelivery, type DecidedDelivery, type DeliveryState } from './delivery-state';
import { abandonedAttempt } from './abandoned-attempt';
import { afterFailure, isRetryable } from './retry-policy';

/** An error message kept in a failure event; the rest is cut (the sender masked it already). */
export const DELIVERY_ERROR_MAX = 1_000;

/**
 * The deliveries of one subject type `S` (an alert event to an alerter; an event to a webhook
 * subscription): the same states, retries and claims, `checkSubject` refusing a decision whose
 * subject is incomplete. Two replicas claiming the same attempt both append at the revision
 * they read; the event store lets one through. This decide refuses what no replica should do
 * even alone: a second claim while one is in flight, a claim before the attempt is due,
 * anything after the end.
 */
export function deliveryDeciderOf<S>(checkSubject: (subject: S) => void) {
  const decide = (state: DeliveryState<S>, command: DeliveryCommand<S>): DeliveryEvent<S>[] =>
    decideAny(state as AnyState, command as AnyCommand, (subject) =>
      checkSubject(subject as S),
    ) as DeliveryEvent<S>[];
  return {
    initialState: (): DeliveryState<S> => ({ status: 'Empty' }),
    evolve: evolveDelivery<S>,
    decide,
  };
}

type AnyState = DeliveryState<object>;
type AnyCommand = DeliveryCommand<object>;
type AnyEvent = DeliveryEvent<object>;

function decideAny(
  state: AnyState,
  command: AnyCommand,
  checkSubject: (subject: object) => void,
): AnyEvent[] {
  if (command.type === 'Decide') return decide(state, command, checkSubject);
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

function decide(
  state: AnyState,
  command: Extract<AnyCommand, { type: 'Decide' }>,
  checkSubject: (subject: object) => void,
): AnyEvent[] {
  // Followers replay: a pair decided already stays as decided. Only a held one is decided again.
  if (state.status !== 'Empty' && state.status !== 'Held') return [];
  const { type: _command, at, ...rest } = command;
  if (rest.verdict === 'hold') {
    checkTime(rest.until);
    if (state.status === 'Held' && state.heldUntil === rest.until) return [];
  }
  const {
    verdict: _verdict,
    until: _until,
    reason: _reason,
    ...subject
  } = rest as typeof rest & Partial<Record<'until' | 'reason', unknown>>;
  checkSubject(subject);
  return [{ type: 'DeliveryDecided', data: { ...rest, at: checkTime(at) } } as AnyEvent];
}

/** An alert event's delivery names the alert event and the alerter. */
function checkAlertSubject(subject: DeliverySubject): void {
  if (!subject.alert_event_key || !subject.alerter_id) {
    throw invalid('alert_event_key and alerter_id: must not be empty');
  }
}

/** The delivery of one alert event to one alerter. */
export const deliveryDecider = deliveryDeciderOf<DeliverySubject>(checkAlertSubject);

export const decideDelivery = deliveryDecider.decide;

/** What a claim on an attempt left by a dead process records before its own claim. */
export const ABANDONED_ATTEMPT = 'attempt abandoned: no result within the claim lease';

type Decided = DecidedDelivery<object>;

function claim(state: Decided, command: Extract<AnyCommand, { type: 'Claim' }>): AnyEvent[] {
  const at = checkTime(command.at);
  const abandoned =
    command.leaseMs === undefined ? undefined : abandonedAttempt(state, at, command.leaseMs);
  if (abandoned !== undefined) {
    // Failed with no status (retryable) and due at once: the claim follows in the same append.
    const failed: AnyEvent = {
      type: 'DeliveryAttemptFailed',
      data: {
        attempt: abandoned,
        at,
        error: ABANDONED_ATTEMPT,
        retryable: true,
        next_attempt_at: at,
      },
    };
    const next = claim(evolveDelivery(state, failed) as Decided, {
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
    } satisfies AnyEvent,
  ];
}

function fail(state: Decided, command: Extract<AnyCommand, { type: 'Fail' }>): AnyEvent[] {
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

function deliver(state: Decided, command: Extract<AnyCommand, { type: 'Deliver' }>): AnyEvent[] {
  // The same answer recorded twice (a retried append) is one delivery.
  if (state.status === 'Delivered' && state.attempts === command.attempt) return [];
  checkAttempt(state, command.attempt);
  const { attempt, status } = command;
  return [
    {
      type: 'DeliveryDelivered',
      data: { attempt, at: checkTime(command.at), status },
    } satisfies AnyEvent,
  ];
}

/** Only the attempt in flight can end, and only once. */
function checkAttempt(state: Decided, attempt: number): void {
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
