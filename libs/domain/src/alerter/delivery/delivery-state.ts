import type { DomainEvent } from '../../shared/domain-event';
import type { DeliveryEvent, DeliverySubject } from './delivery-events';

export type DeliveryStatus =
  'Empty' | 'Pending' | 'InFlight' | 'Delivered' | 'GivenUp' | 'Skipped' | 'Held';

export interface LastFailure {
  attempt: number;
  at: number;
  status?: number;
  error: string;
}

/** One delivery's state; `S` is what it delivers (see DeliveryEvent). */
export type DeliveryState<S = DeliverySubject> =
  | { status: 'Empty' }
  | (S & {
      status: Exclude<DeliveryStatus, 'Empty'>;
      decidedAt: number;
      /** Attempts claimed so far. */
      attempts: number;
      /** Pending: when the next attempt may be claimed. */
      dueAt?: number;
      /** Held: when the delivery is decided again. */
      heldUntil?: number;
      /** Skipped or given up: why. */
      reason?: string;
      /** The start of the current 24 h of trying. */
      firstAttemptAt?: number;
      /** InFlight: who claimed the attempt and when. */
      claim?: { at: number; by: string };
      lastFailure?: LastFailure;
      delivered?: { at: number; status: number };
    });

export type DecidedDelivery<S = DeliverySubject> = Exclude<DeliveryState<S>, { status: 'Empty' }>;

/** Final: nothing more will be sent for this pair (unless a user retries a given-up one). */
export const isDeliveryFinal = (state: { status: DeliveryStatus }) =>
  state.status === 'Delivered' || state.status === 'GivenUp' || state.status === 'Skipped';

export function evolveDelivery<S = DeliverySubject>(
  state: DeliveryState<NoInfer<S>>,
  event: DeliveryEvent<NoInfer<S>> | DomainEvent,
): DeliveryState<S> {
  return evolveAny(state as AnyState, event) as DeliveryState<S>;
}

/** The subject is carried whole: the fold never reads it. */
type AnyState = DeliveryState<object>;

function evolveAny(state: AnyState, event: DeliveryEvent<object> | DomainEvent): AnyState {
  const e = event as DeliveryEvent<object>;
  if (e.type === 'DeliveryDecided') return decided(state, e.data);
  if (state.status === 'Empty') return state;
  switch (e.type) {
    case 'DeliveryAttemptClaimed':
      return {
        ...state,
        status: 'InFlight',
        attempts: e.data.attempt,
        dueAt: undefined,
        firstAttemptAt: state.firstAttemptAt ?? e.data.at,
        claim: { at: e.data.at, by: e.data.by },
      } satisfies AnyState;
    case 'DeliveryAttemptFailed': {
      const { attempt, at, status, error, next_attempt_at } = e.data;
      return {
        ...state,
        status: next_attempt_at === undefined ? state.status : 'Pending',
        dueAt: next_attempt_at,
        claim: undefined,
        lastFailure: { attempt, at, status, error },
      } satisfies AnyState;
    }
    case 'DeliveryDelivered':
      return {
        ...state,
        status: 'Delivered',
        claim: undefined,
        delivered: { at: e.data.at, status: e.data.status },
      } satisfies AnyState;
    case 'DeliveryGivenUp':
      return {
        ...state,
        status: 'GivenUp',
        dueAt: undefined,
        claim: undefined,
        reason: e.data.reason,
      } satisfies AnyState;
    case 'DeliveryRetried':
      return {
        ...state,
        status: 'Pending',
        dueAt: e.data.at,
        firstAttemptAt: undefined,
        reason: undefined,
      } satisfies AnyState;
    default:
      return state;
  }
}

function decided(
  state: AnyState,
  data: Extract<DeliveryEvent<object>, { type: 'DeliveryDecided' }>['data'],
): AnyState {
  const {
    verdict: _verdict,
    at,
    until: _until,
    reason: _reason,
    ...subject
  } = data as typeof data & Partial<Record<'until' | 'reason', unknown>>;
  const base = {
    ...subject,
    decidedAt: at,
    attempts: state.status === 'Empty' ? 0 : state.attempts,
  };
  switch (data.verdict) {
    case 'send':
      return { ...base, status: 'Pending', dueAt: at };
    case 'hold':
      return { ...base, status: 'Held', heldUntil: data.until, reason: data.reason };
    case 'skip':
      return { ...base, status: 'Skipped', reason: data.reason };
  }
}
