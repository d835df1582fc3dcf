import type { Types } from 'komodo_client';
import {
  AlerterParamDto,
  ListAlertDeliveriesDto,
  SendAlertDto,
  type AlertDeliveryState,
} from '../requests/alerter.dto';
import type { MonitorTarget } from './answers';
import { entry, komodo, on, USER } from './entry';

const execute = on<{ alerter: string }>('Alerter', 'alerter', 'Execute');

/** One alert's delivery to one alerter, as `ListAlertDeliveries` answers it. */
export interface AlertDelivery {
  /** The delivery's key: the alert event and the alerter (the `Idempotency-Key` sent). */
  id: string;
  alert_id: string;
  alert_type: string;
  level: Types.SeverityLevel;
  target: MonitorTarget;
  alerter_id: string;
  alerter_name: string;
  state: AlertDeliveryState;
  /** Why a delivery was skipped or held, or given up. */
  reason?: string;
  attempts: number;
  last_status?: number;
  /** The last failure, secrets masked. */
  last_error?: string;
  /** Milliseconds since the epoch. */
  decided_ts: number;
  next_attempt_ts?: number;
  delivered_ts?: number;
}

/**
 * An Alerter's executions (Komodo's TestAlerter and SendAlert, each answering an Update) and
 * Monitor's deliveries: what was sent where, and a retry of those given up.
 */
export const ALERTER_REQUESTS = {
  TestAlerter: komodo('TestAlerter', 'execute', AlerterParamDto, execute, 'alerter'),
  // Sends to the alerters named, each needing Execute (Komodo asks Read only: a read-only user
  // could then post into a team's channel).
  SendAlert: komodo('SendAlert', 'execute', SendAlertDto, USER, 'alerter'),
  // Over the alerters the caller may read.
  ListAlertDeliveries: entry<AlertDelivery[]>()(
    'ListAlertDeliveries',
    'read',
    ListAlertDeliveriesDto,
    USER,
    'alerter',
  ),
  /** Puts the alerter's given-up deliveries back in its queue, oldest first. */
  RetryAlertDeliveries: entry<{ retried: number }>()(
    'RetryAlertDeliveries',
    'write',
    AlerterParamDto,
    execute,
    'alerter',
  ),
};
