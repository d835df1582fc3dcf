import type { AlertType } from '../alerts/alert-data';
import { ALERT_TYPES, type AlerterAlertType } from './alerter.config';

/** Good news: reaches only the alerters that name it in `alert_types`. */
export const SUCCESS_ALERT_TYPES = [
  'DeploymentDeployed',
  'StackDeployed',
  'BuildSucceeded',
] as const;

/** The outcomes that say a run failed: Komodo's and Monitor's deploy failures. */
export const FAILURE_ALERT_TYPES = [
  'BuildFailed',
  'RepoBuildFailed',
  'ProcedureFailed',
  'ActionFailed',
  'DeploymentDeployFailed',
  'StackDeployFailed',
] as const;

export function isAlertType(value: unknown): value is AlerterAlertType {
  return typeof value === 'string' && (ALERT_TYPES as readonly string[]).includes(value);
}

export function isSuccessType(type: AlertType): boolean {
  return (SUCCESS_ALERT_TYPES as readonly string[]).includes(type);
}

export function isFailureType(type: AlertType): boolean {
  return (FAILURE_ALERT_TYPES as readonly string[]).includes(type);
}

/**
 * Whether an alerter's `alert_types` takes this type. Empty takes every problem and failure,
 * as Komodo's empty list does, but no success: good news is asked for by name.
 */
export function takesAlertType(alertTypes: readonly string[], type: AlertType): boolean {
  return alertTypes.length === 0 ? !isSuccessType(type) : alertTypes.includes(type);
}
