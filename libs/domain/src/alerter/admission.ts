import type { AlertTarget, AlertType, SeverityLevel } from '../alerts/alert-data';
import type { MaintenanceWindow, ResourceTarget } from '../resources/configs/common';
import { takesAlertType } from './alert-types';
import type { AlerterConfig } from './alerter.config';
import { windowsAt } from './maintenance-window';

export type SkipReason =
  | 'disabled'
  | 'type not chosen'
  | 'target not in resources'
  | 'target in except_resources'
  | 'resolved while held';

export type HoldReason = 'alerter maintenance' | 'server maintenance';

export type Admission =
  | { verdict: 'send' }
  | { verdict: 'hold'; until: number; reason: HoldReason }
  | { verdict: 'skip'; reason: SkipReason };

export interface AdmissionInput {
  alerter: { id: string; config: AlerterConfig };
  alert: { type: AlertType; level: SeverityLevel; target: AlertTarget; resolved: boolean };
  /**
   * The alert was resolved after the event this decision is for (and that resolve is an event,
   * so a decision, of its own). Set when deciding again after a hold.
   */
  resolvedSince?: boolean;
  /** The maintenance windows of the server the target is (or runs on); none for the rest. */
  targetServerWindows: readonly MaintenanceWindow[];
  /** Milliseconds since the epoch: the decision's clock. */
  now: number;
}

const sameTarget = (a: ResourceTarget | AlertTarget, b: AlertTarget) =>
  a.type === b.type && a.id === b.id;

/**
 * Whether one alert event goes to one alerter now, later, or never. A skip is final; a hold says
 * when the maintenance window ends, and the caller decides again then with the alert as it is:
 * one still open is sent, one resolved meanwhile is skipped (its resolve, decided on its own,
 * tells the news once). Komodo drops what comes in a window; Monitor keeps it for the window's
 * end. As in Komodo, a Test alert passes the type and resource filters, and except_resources
 * wins over resources.
 */
export function decideAlerterAdmission(input: AdmissionInput): Admission {
  const { config } = input.alerter;
  const { alert, now } = input;
  if (!config.enabled) return { verdict: 'skip', reason: 'disabled' };
  if (alert.type !== 'Test') {
    if (!takesAlertType(config.alert_types, alert.type))
      return { verdict: 'skip', reason: 'type not chosen' };
    if (config.except_resources.some((target) => sameTarget(target, alert.target)))
      return { verdict: 'skip', reason: 'target in except_resources' };
    if (
      config.resources.length > 0 &&
      !config.resources.some((target) => sameTarget(target, alert.target))
    )
      return { verdict: 'skip', reason: 'target not in resources' };
  }
  if (input.resolvedSince) return { verdict: 'skip', reason: 'resolved while held' };
  const own = windowsAt(config.maintenance_windows, now);
  const server = windowsAt(input.targetServerWindows, now);
  if (own.inside && (!server.inside || own.until >= server.until))
    return { verdict: 'hold', until: own.until, reason: 'alerter maintenance' };
  if (server.inside) return { verdict: 'hold', until: server.until, reason: 'server maintenance' };
  return { verdict: 'send' };
}
