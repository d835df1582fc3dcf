import {
  atLeast,
  effectivePermission,
  forbidden,
  invalid,
  notFound,
  takesAlertType,
  type Resource,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** Komodo's answer when no alerter is left to send to. */
export const NO_ALERTERS =
  'Could not find any valid alerters to send to, this required Execute permissions on the Alerter';

/**
 * The alerters a SendAlert goes to. Named ones (ids or names) must exist and be executable by
 * the caller (Komodo asks Read only: a read-only user could then post into a team's channel);
 * none named: every alerter the caller may execute. Of these, as Komodo, only the enabled ones
 * whose alert types take `Custom`; none left is a 400.
 */
export function sendAlertTargets(
  readModel: ReadModel,
  userId: string,
  named: readonly string[] | undefined,
): Resource<'Alerter'>[] {
  const user = readModel.identity.user(userId);
  const groups = readModel.identity.groupGrants(userId);
  const mayExecute = (alerter: Resource<'Alerter'>) =>
    !!user &&
    atLeast(
      effectivePermission(user, groups, 'Alerter', alerter.id, alerter.basePermission),
      'Execute',
    );
  const chosen = named?.length
    ? [...new Set(named)].map((idOrName) => {
        const alerter = readModel.resource('Alerter', idOrName);
        if (!alerter)
          throw notFound(`alerters: no Alerter has the name or id '${idOrName}'`, {
            field: 'alerters',
          });
        if (!mayExecute(alerter))
          throw forbidden(
            `alerters: you need Execute permission on Alerter '${alerter.name}' to send to it`,
            { field: 'alerters' },
          );
        return alerter;
      })
    : readModel.list('Alerter').filter(mayExecute);
  const admitted = uniqueById(chosen).filter(
    ({ config }) => config.enabled && takesAlertType(config.alert_types, 'Custom'),
  );
  if (!admitted.length) throw invalid(NO_ALERTERS, { field: 'alerters' });
  return admitted;
}

function uniqueById(alerters: Resource<'Alerter'>[]): Resource<'Alerter'>[] {
  return [...new Map(alerters.map((a) => [a.id, a])).values()];
}
