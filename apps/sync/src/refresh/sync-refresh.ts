import { Inject, Injectable } from '@nestjs/common';
import {
  decideSyncRecord,
  evolveSyncRecord,
  initialSyncRecord,
  notFound,
  resourceStream,
  type Resource,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, type CommandMeta, type WriteResult } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { formatProblem } from '../reading';
import { SyncPlanner, type PlannedSync } from '../planning/sync-planner';
import { SyncFiles } from '../sources/sync-files';

export const syncRecordDecider = {
  decide: decideSyncRecord,
  evolve: evolveSyncRecord,
  initialState: initialSyncRecord,
};

/**
 * Komodo's RefreshResourceSyncPending as an execution: the sync's files read (git, host or UI),
 * checked, planned against what exists, and the plan recorded in the sync's stream when it
 * differs from the one stored. Bad files are not a failed refresh: their problems are the plan's
 * `pending_error`, at file:line:field, and so is a repository git cannot read (`<repo>@<branch>:0:
 * repo`), as Komodo records it. A host sync whose name names no folder is refused before it starts.
 */
@Injectable()
export class SyncRefresh {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ExecutionRunner,
    private readonly planner: SyncPlanner,
    private readonly files: SyncFiles,
  ) {}

  async refresh(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const sync = this.sync(idOrName);
    this.files.check(sync);
    const { id, position } = await this.runner.start({
      operation: 'RefreshResourceSyncPending',
      target: { type: 'ResourceSync', id: sync.id },
      meta,
      work: (ctx) => this.work(ctx, sync.id, meta),
    });
    return { id, position };
  }

  /** Reads and plans in an execution's stages; answers what it found (RunSync applies it). */
  async planIn(ctx: ExecutionContext, sync: Resource<'ResourceSync'>): Promise<PlannedSync> {
    let planned!: PlannedSync;
    await ctx.stage('read files', `read the files of '${sync.name}'`, async () => {
      planned = await this.planner.plan(sync, (secret) => ctx.secret(secret));
      const { read } = planned;
      const at = read.commit ? ` at ${read.commit.hash.slice(0, 8)} ${read.commit.message}` : '';
      const files = read.files.map((f) => `  ${f.path}`).join('\n');
      return { stdout: `${read.label}${at}: ${read.files.length} file(s)\n${files}` };
    });
    await ctx.stage('plan', 'compare the files with what exists', async () => {
      const problems = planned.problems.map(formatProblem).join('\n');
      if (!planned.plan)
        return { stdout: problems, stderr: 'nothing planned: the files hold errors' };
      const { resources, variables, userGroups, deploys, guard } = planned.plan;
      const lines = [
        ...resources.map((c) => `${c.action} ${c.kind} '${c.name}'`),
        ...variables.map((c) => `${c.action} Variable '${c.name}'`),
        ...userGroups.map((c) => `${c.action} UserGroup '${c.name}'`),
        ...deploys.map((d) => `Deploy ${d.target.type} '${d.target.id}': ${d.reason}`),
      ];
      if (guard.withheld)
        lines.push(`${guard.withheld} delete(s) withheld: the files declare nothing`);
      return {
        stdout: [lines.join('\n') || 'nothing to change', problems].filter(Boolean).join('\n'),
      };
    });
    return planned;
  }

  private async work(ctx: ExecutionContext, id: string, meta: CommandMeta): Promise<void> {
    const planned = await this.planIn(ctx, this.sync(id));
    await this.record(id, planned, meta);
  }

  async record(id: string, planned: PlannedSync, meta: CommandMeta): Promise<void> {
    await handleCommand(
      this.store,
      resourceStream('ResourceSync', id),
      syncRecordDecider,
      { type: 'RecordRefresh', pending: planned.pending, at: Date.now() },
      meta,
    );
  }

  sync(idOrName: string): Resource<'ResourceSync'> {
    const sync = this.readModel.resource('ResourceSync', idOrName);
    if (!sync) throw notFound(`no ResourceSync has the name or id '${idOrName}'`);
    return sync;
  }
}
