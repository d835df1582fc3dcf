import {
  decideAlerterAdmission,
  type Alert,
  type AlertTarget,
  type DeliveryVerdict,
  type MaintenanceWindow,
  type Resource,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/**
 * The server whose maintenance windows also hold an alert: the target itself when a Server,
 * the server a Deployment or Stack runs on.
 */
export function targetServerWindows(
  readModel: ReadModel,
  target: AlertTarget,
): MaintenanceWindow[] {
  if (target.type === 'Server') {
    return readModel.resourceById('Server', target.id)?.config.maintenance_windows ?? [];
  }
  if (target.type !== 'Deployment' && target.type !== 'Stack') return [];
  const runs = readModel.resourceById(target.type, target.id);
  const serverId = runs?.config.server_id;
  return (serverId && readModel.resourceById('Server', serverId)?.config.maintenance_windows) || [];
}

/**
 * h46's admission of one alert event to one alerter, plus what only the feed knows: an alert
 * addressed to some alerters reaches only them, and an alerter's own failing alert never
 * reaches that alerter (it would fail too, and count against it again).
 */
export function admissionOf(
  readModel: ReadModel,
  alerter: Resource<'Alerter'>,
  at: { alert: Alert; alerters?: string[]; resolvedSince?: boolean },
  now: number,
): DeliveryVerdict {
  const { alert } = at;
  if (at.alerters && !at.alerters.includes(alerter.id)) {
    return { verdict: 'skip', reason: 'not addressed to this alerter' };
  }
  if (alert.data.type === 'AlerterFailing' && alert.target.id === alerter.id) {
    return { verdict: 'skip', reason: 'about this alerter' };
  }
  return decideAlerterAdmission({
    alerter: { id: alerter.id, config: alerter.config },
    alert: {
      type: alert.data.type,
      level: alert.level,
      target: alert.target,
      resolved: alert.resolved,
    },
    resolvedSince: at.resolvedSince,
    targetServerWindows: targetServerWindows(readModel, alert.target),
    now,
  });
}
