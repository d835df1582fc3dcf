import { Injectable } from '@nestjs/common';
import { conflict, deletesHeldAlert, type DeleteGuard, type Resource } from '@monitor/domain';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { SyncRun } from '../apply/sync-run';
import { derivedAlertId, SyncAlerts } from '../alerts/sync-alerts';
import { SyncPlanner } from '../planning/sync-planner';
import { SyncRefresh } from '../refresh/sync-refresh';

/**
 * RunSync sent by a git webhook (`meta.via` webhook, as the sync's last writer). A push never
 * confirms deletes: a plan that needs `confirm_deletes` is not run at all. It is recorded on the
 * sync for review, a `ResourceSyncDeletesHeld` alert tells of it, and the webhook is answered
 * 409. Otherwise the plan checked here is the one RunSync applies (its `pending_hash`), so a
 * commit landing in between cannot slip a larger delete through.
 */
@Injectable()
export class WebhookSyncRun {
  constructor(
    private readonly planner: SyncPlanner,
    private readonly refreshes: SyncRefresh,
    private readonly runs: SyncRun,
    private readonly alerts: SyncAlerts,
  ) {}

  async run(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const sync = this.refreshes.sync(idOrName);
    const planned = await this.planner.plan(sync, () => undefined);
    const plan = planned.plan;
    if (plan?.guard.needsConfirm) {
      await this.refreshes.record(sync.id, planned, meta);
      await this.hold(sync, plan.hash, plan.guard, planned.read.commit?.hash.slice(0, 8));
      throw conflict(
        `a webhook's RunSync of '${sync.name}' would delete ${plan.guard.deletes} of the ${plan.guard.scope} resources, variables and groups in its scope, and a webhook never confirms deletes: nothing was applied. Review the plan and run RunSync with confirm_deletes = ${plan.guard.deletes}`,
        { field: 'confirm_deletes', deletes: plan.guard.deletes },
      );
    }
    return this.runs.run({ sync: sync.id, pending_hash: plan?.hash }, meta);
  }

  /** One held alert per sync: a later held plan replaces the one before (its counts changed). */
  private async hold(
    sync: Resource<'ResourceSync'>,
    planHash: string,
    guard: DeleteGuard,
    commit: string | undefined,
  ): Promise<void> {
    const id = derivedAlertId(`ResourceSyncDeletesHeld/${sync.id}/${planHash}`);
    const now = Date.now();
    for (const earlier of this.alerts.openOf(sync.id, 'ResourceSyncDeletesHeld'))
      if (earlier.id !== id) await this.alerts.resolve(earlier.id, now);
    await this.alerts.open(id, deletesHeldAlert(sync, guard, commit), now);
  }
}
