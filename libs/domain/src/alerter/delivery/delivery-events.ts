import type { AlertTarget, AlertType, SeverityLevel } from '../../alerts/alert-data';
import type { DomainEvent } from '../../shared/domain-event';
import type { RetryPolicy } from './retry-policy';

/**
 * One opened, level-changed or resolved event of one alert: the alert's id and the revision of
 * that event in its stream. An outcome alert has a single event, revision 0.
 */
export const alertEventKey = (alertId: string, revision: number) => `${alertId}:${revision}`;

/**
 * The delivery of one alert event to one alerter. The pair is the idempotency key: the stream
 * exists once per pair, and the Custom sender sends the key as `Idempotency-Key`. Alerter ids
 * are 24-hex ids (no '-'), so the alerter comes first and all its deliveries share a prefix.
 */
export const deliveryStream = (alertEventKey: string, alerterId: string) =>
  `${deliveryStreamPrefix(alerterId)}${alertEventKey}`;

export const deliveryStreamPrefix = (alerterId: string) => `delivery-${alerterId}-`;

/** The pair back from a stream name; undefined for any other stream. */
export function parseDeliveryStream(
  stream: string,
): { alerterId: string; alertEventKey: string } | undefined {
  const match = /^delivery-([^-]+)-(.+)$/.exec(stream);
  return match ? { alerterId: match[1], alertEventKey: match[2] } : undefined;
}

/** The admission's verdict (decideAlerterAdmission's Admission fits as it is). */
export type DeliveryVerdict =
  | { verdict: 'send' }
  /** Inside a maintenance window: decided again at `until` (the window's end). */
  | { verdict: 'hold'; until: number; reason?: string }
  | { verdict: 'skip'; reason: string };

export interface DeliverySubject {
  alert_event_key: string;
  alerter_id: string;
  alert_type: AlertType;
  level: SeverityLevel;
  target: AlertTarget;
}

/**
 * A delivery's events. `S` is what it delivers (an alert event to an alerter by default; an
 * event to a webhook subscription): kept whole in the decision, never read by the decider.
 */
export type DeliveryEvent<S = DeliverySubject> =
  | DomainEvent<'DeliveryDecided', S & DeliveryVerdict & { at: number }>
  | DomainEvent<'DeliveryAttemptClaimed', { attempt: number; at: number; by: string }>
  | DomainEvent<
      'DeliveryAttemptFailed',
      {
        attempt: number;
        at: number;
        status?: number;
        /** Masked by the sender; bounded here. */
        error: string;
        retryable: boolean;
        /** The receiver's Retry-After, as milliseconds. */
        retry_after_ms?: number;
        /** When the next attempt is due; absent when this failure gives up. */
        next_attempt_at?: number;
      }
    >
  | DomainEvent<'DeliveryDelivered', { attempt: number; at: number; status: number }>
  | DomainEvent<'DeliveryGivenUp', { at: number; reason: string }>
  /** A user asked for it again (RetryAlertDeliveries): a new 24 h of trying from now. */
  | DomainEvent<'DeliveryRetried', { at: number; by: string }>;

export type DeliveryCommand<S = DeliverySubject> =
  | ({ type: 'Decide'; at: number } & S & DeliveryVerdict)
  /**
   * `by`: the replica or process that will send. `leaseMs`: an attempt in flight for longer was
   * left by a process that died: it is failed (retryable) and the next attempt claimed at once.
   */
  | { type: 'Claim'; at: number; by: string; leaseMs?: number }
  | {
      type: 'Fail';
      attempt: number;
      at: number;
      status?: number;
      error: string;
      /** The raw Retry-After header. */
      retryAfter?: string;
      /** The jitter's source, [0, 1). */
      random: () => number;
      /** Why the same send would fail again (no HTTP status says so): gives up. */
      permanent?: string;
      /** Backoff and give-up times; RETRY_POLICY by default. */
      policy?: RetryPolicy;
    }
  | { type: 'Deliver'; attempt: number; at: number; status: number }
  | { type: 'Retry'; at: number; by: string };
