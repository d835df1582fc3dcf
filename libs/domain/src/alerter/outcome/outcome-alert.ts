import type { AlertData, AlertDataOf, AlertTarget } from '../../alerts/alert-data';
import type { Alert } from '../../alerts/alert';
import type { Version } from '../../resources/configs/common';
import type { Execution } from '../../updates/update';
import { logTail } from './log-tail';

/** What the Update does not hold about its target: its name, and where it runs. */
export interface OutcomeSubject {
  name: string;
  server_id?: string;
  server_name?: string;
}

type Outcome =
  { success: AlertData['type']; failure: AlertData['type'] } | { failure: AlertData['type'] };

/** The operations whose completion is told, by target kind. */
const OUTCOMES: Record<string, { kind: AlertTarget['type'] } & Outcome> = {
  Deploy: { kind: 'Deployment', success: 'DeploymentDeployed', failure: 'DeploymentDeployFailed' },
  DeployStack: { kind: 'Stack', success: 'StackDeployed', failure: 'StackDeployFailed' },
  DeployStackIfChanged: { kind: 'Stack', success: 'StackDeployed', failure: 'StackDeployFailed' },
  RunBuild: { kind: 'Build', success: 'BuildSucceeded', failure: 'BuildFailed' },
  BuildRepo: { kind: 'Repo', failure: 'RepoBuildFailed' },
  RunProcedure: { kind: 'Procedure', failure: 'ProcedureFailed' },
  RunAction: { kind: 'Action', failure: 'ActionFailed' },
};

/**
 * The outcome alert of a completed Update, or undefined when there is none to raise. Its id is
 * the Update's id (24-hex, as Komodo's clients expect of an alert id): one Update, one outcome,
 * so a replay of the Update raises the same alert and its deliveries' keys are the same. Like
 * Komodo's BuildFailed it is born resolved: it tells of something that happened. A cancelled
 * run tells nothing (Komodo neither), nor does a DeployStackIfChanged that found no change.
 */
export function outcomeAlert(update: Execution, about: OutcomeSubject): Alert | undefined {
  const outcome = OUTCOMES[update.operation];
  if (!outcome || update.status !== 'Complete' || update.target.type !== outcome.kind) {
    return undefined;
  }
  const ts = update.endTs ?? update.startTs;
  const target = { type: outcome.kind, id: update.target.id };
  const alert = (level: 'OK' | 'CRITICAL', data: AlertData): Alert => ({
    id: update.id,
    ts,
    resolved: true,
    resolved_ts: ts,
    level,
    target,
    data,
  });
  const data = details(outcome.kind, update, about);
  if (update.success) {
    if (!('success' in outcome) || !deployed(update)) return undefined;
    return alert('OK', { type: outcome.success, data } as AlertData);
  }
  if (wasCancelled(update)) return undefined;
  // Komodo's failure types carry the stage and log too: its clients ignore fields they lack.
  return alert('CRITICAL', {
    type: outcome.failure,
    data: { ...data, ...failure(update) },
  } as AlertData);
}

/** Each kind's outcome data: id and name, where a deployment or stack runs, a build's version. */
function details(kind: AlertTarget['type'], update: Execution, about: OutcomeSubject) {
  const base = { id: update.target.id, name: about.name };
  if (kind === 'Deployment' || kind === 'Stack') {
    const on = about.server_id
      ? { server_id: about.server_id, server_name: about.server_name ?? '' }
      : {};
    return { ...base, ...on } satisfies AlertDataOf<'DeploymentDeployed'>['data'];
  }
  if (kind === 'Build') return { ...base, version: builtVersion(update) };
  return base;
}

/**
 * The failed stage and the masked end of its log. A run that failed without a failed stage
 * (an error before the first one) names its last stage, or none.
 */
function failure(update: Execution): { stage: string; log_tail: string } {
  const failed = update.logs.find((log) => !log.success) ?? update.logs.at(-1);
  return failed ? { stage: failed.stage, log_tail: logTail(failed) } : { stage: '', log_tail: '' };
}

const wasCancelled = (update: Execution) =>
  update.logs.some((log) => log.stage.endsWith('Cancelled'));

/** A DeployStackIfChanged that found nothing to change records no deploy. */
const deployed = (update: Execution) =>
  update.operation !== 'DeployStackIfChanged' || update.otherData?.config_revision !== undefined;

/** RunBuild records the version it builds as Komodo's Update `version` (other data). */
function builtVersion(update: Execution): Version {
  const version = update.otherData?.version as Version | undefined;
  return version ?? { major: 0, minor: 0, patch: 0 };
}
