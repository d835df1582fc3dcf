import { Inject, Injectable } from '@nestjs/common';
import { ACTING_SUBJECT, BusClient, type ActingRequest } from '@monitor/bus';
import { TAG_REQUESTS, type RunSyncDto } from '@monitor/contracts';
import {
  conflict,
  deleteGuard,
  invalid,
  KIND_SPECS,
  resourceStream,
  type PlanStep,
  type Resource,
  type SyncPlan,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner, StageFailed, type ExecutionContext } from '@monitor/executions';
import { handleCommand, newId, type CommandMeta, type WriteResult } from '@monitor/resources';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, KEYRING, READ_MODEL } from '@monitor/runtime';
import { openPaths, type Keyring } from '@monitor/secrets';
import { formatProblem } from '../reading';
import { SyncPlanner, type PlannedSync } from '../planning/sync-planner';
import { SyncRefresh, syncRecordDecider } from '../refresh/sync-refresh';
import {
  resourceRequests,
  userGroupRequests,
  variableRequests,
  type ChangeRequest,
} from './change-requests';
import { runDeploys } from './sync-deploys';

/**
 * Komodo's RunSync: the plan applied through the ordinary requests, each sent for the user who
 * runs the sync (a webhook: its last writer) and checked as that user's own call, its events
 * naming the sync and the commit. Refused before anything runs when the files hold errors, when
 * the plan is not the one reviewed (`pending_hash`), or when it deletes many without
 * `confirm_deletes`. Steps follow the plan's order; a failed step skips what depends on it.
 */
@Injectable()
export class SyncRun {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly runner: ExecutionRunner,
    private readonly planner: SyncPlanner,
    private readonly refreshes: SyncRefresh,
    private readonly bus: BusClient,
  ) {}

  async run(params: RunSyncDto, meta: CommandMeta): Promise<WriteResult> {
    const sync = this.refreshes.sync(params.sync);
    // pending_hash names the whole plan as reviewed; a pick of it is checked for its deletes.
    const whole = reviewed(plannable(await this.planner.plan(sync, () => undefined)), params);
    confirmed(await this.picked(sync, whole, params), params);
    const updateId = newId();
    const { id, position } = await this.runner.start({
      operation: 'RunSync',
      target: { type: 'ResourceSync', id: sync.id },
      meta: { ...meta, updateId },
      work: (ctx) =>
        this.work(ctx, sync.id, whole.hash, params, { ...meta, causationId: updateId }),
    });
    return { id, position };
  }

  private async work(
    ctx: ExecutionContext,
    syncId: string,
    checkedHash: string,
    params: RunSyncDto,
    meta: CommandMeta,
  ): Promise<void> {
    const sync = this.refreshes.sync(syncId);
    const planned = await this.refreshes.planIn(ctx, sync);
    if (!planned.plan || planned.plan.hash !== checkedHash)
      throw new StageFailed(
        'plan',
        'the plan changed while the run waited: refresh, review and run again',
      );
    const plan = await this.picked(sync, planned.plan, params);
    const origin = { type: 'ResourceSync', id: sync.id, commit: planned.read.commit?.hash };
    const acting: CommandMeta = { ...meta, via: 'sync', origin };
    const notApplied = await this.apply(ctx, plan, acting);
    const undeployed = await runDeploys(
      ctx,
      { bus: this.bus, readModel: this.readModel },
      plan.deploys,
      notApplied,
      acting,
    );
    const failures = notApplied.size + undeployed;
    await handleCommand(
      this.store,
      resourceStream('ResourceSync', sync.id),
      syncRecordDecider,
      {
        type: 'RecordApplied',
        applied: {
          update_id: meta.causationId!,
          plan_hash: plan.hash,
          commit: planned.read.commit?.hash.slice(0, 8),
          message: planned.read.commit?.message,
          success: failures === 0,
          at: Date.now(),
        },
      },
      meta,
    );
    await this.refreshes.record(sync.id, await this.planner.plan(sync, () => undefined), meta);
    if (failures)
      throw new StageFailed('Sync Failed', `${failures} change(s) failed or were skipped`);
  }

  /** The part of the plan RunSync's `resource_type` and `resources` pick (all of it without). */
  private async picked(
    sync: Resource<'ResourceSync'>,
    whole: SyncPlan,
    { resource_type, resources }: RunSyncDto,
  ): Promise<SyncPlan> {
    if (!resource_type && !resources) return whole;
    const only = { kind: resource_type, resources };
    const plan = plannable(await this.planner.plan(sync, () => undefined, only));
    // As Komodo: a run that picks resources changes no variable and no user group.
    const keys = new Set(plan.resources.map((c) => c.key));
    const deletes = plan.resources.filter((c) => c.action === 'Delete').length;
    const { scope, declaresNothing, withheld } = plan.guard;
    return {
      ...plan,
      variables: [],
      userGroups: [],
      steps: plan.steps.filter((step) => keys.has(step.key)),
      guard: deleteGuard(deletes, scope, declaresNothing, withheld),
    };
  }

  /** Each step in order, a failed one skipping its dependents; answers the keys that did not apply. */
  private async apply(
    ctx: ExecutionContext,
    plan: SyncPlan,
    meta: CommandMeta,
  ): Promise<Set<string>> {
    const failed = new Map<string, string>();
    const createdTags = new Set<string>();
    for (const step of plan.steps) {
      const blocker = step.dependsOn.find((key) => failed.has(key));
      const requests = this.requests(plan, step, createdTags);
      const stage = `${step.action} ${step.key}`;
      try {
        await ctx.stage(stage, requests.map((r) => r.says).join('\n'), async () => {
          if (blocker) return { stderr: `skipped: ${blocker} did not apply`, success: false };
          for (const request of requests) await this.send(request, meta);
          return { stdout: requests.map((r) => r.says).join('\n') };
        });
      } catch (error) {
        if (!(error instanceof StageFailed)) throw error;
        failed.set(step.key, error.message);
      }
    }
    return new Set(failed.keys());
  }

  private requests(plan: SyncPlan, step: PlanStep, createdTags: Set<string>): ChangeRequest[] {
    const resource = plan.resources.find((c) => c.key === step.key);
    if (resource) {
      // As Komodo's update_meta: a tag the files name that does not exist yet is created.
      const missing = (resource.proposed?.tags ?? []).filter(
        (tag) => !this.readModel.tag(tag) && !createdTags.has(tag),
      );
      for (const tag of missing) createdTags.add(tag);
      return [
        ...missing.map((name) => ({
          verb: 'write' as const,
          name: TAG_REQUESTS.CreateTag.name,
          params: { name },
          says: `create Tag '${name}'`,
        })),
        ...resourceRequests(
          resource,
          openPaths(resource.configPatch, KIND_SPECS[resource.kind].secrets, this.keyring),
        ),
      ];
    }
    const variable = plan.variables.find((c) => c.key === step.key);
    if (variable) return variableRequests(variable);
    const group = plan.userGroups.find((c) => c.key === step.key);
    if (group) return userGroupRequests(group);
    throw new Error(`the plan has no change '${step.key}'`);
  }

  private async send(request: ChangeRequest, meta: CommandMeta): Promise<void> {
    const acting: ActingRequest<CommandMeta> = {
      verb: request.verb,
      name: request.name,
      params: request.params,
      meta,
    };
    await this.bus.request(ACTING_SUBJECT, acting);
  }
}

/** The plan, unless the files hold errors (then nothing is applied, every problem named). */
function plannable(planned: PlannedSync): SyncPlan {
  if (planned.plan) return planned.plan;
  const errors = planned.problems.filter((p) => p.severity === 'error').map(formatProblem);
  throw invalid(`the sync's files hold errors, so nothing is applied:\n${errors.join('\n')}`, {
    field: 'sync',
    problems: planned.problems,
  });
}

/** The plan, if it is the one reviewed (`pending_hash`, when given). */
function reviewed(plan: SyncPlan, params: RunSyncDto): SyncPlan {
  if (params.pending_hash && params.pending_hash !== plan.hash)
    throw conflict(
      `the plan is no longer the one reviewed (pending_hash ${params.pending_hash.slice(0, 12)}, now ${plan.hash.slice(0, 12)}): refresh and review it again`,
      { field: 'pending_hash', pending_hash: plan.hash },
    );
  return plan;
}

/** Refuses a large delete not repeated back as `confirm_deletes`. */
function confirmed({ guard }: SyncPlan, params: RunSyncDto): void {
  if (guard.needsConfirm && params.confirm_deletes !== guard.deletes)
    throw invalid(
      `this run deletes ${guard.deletes} of the ${guard.scope} resources, variables and groups in the sync's scope: give confirm_deletes = ${guard.deletes} to apply it`,
      { field: 'confirm_deletes', deletes: guard.deletes },
    );
}
