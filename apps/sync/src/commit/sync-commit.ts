import { Inject, Injectable } from '@nestjs/common';
import {
  invalid,
  RESOURCE_KINDS,
  writeSyncFiles,
  type Resource,
  type SyncFile,
  type SyncProblem,
} from '@monitor/domain';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { formatProblem, hasErrors, readSyncFiles } from '../reading';
import { SyncPlanner, type PlannedSync } from '../planning/sync-planner';
import { SyncRefresh } from '../refresh/sync-refresh';
import { UI_FILE } from '../sources/sync-files';
import { CallerAccess } from './caller-access';
import { commitChanges, type CommitChanges } from './commit-changes';
import { exportNamesOf } from './export-names';
import { SyncWriter } from './sync-writer';

const NOTHING_DECLARED = { resources: [], variables: [], userGroups: [] };

/** What CommitSync decided before its Update starts: the files to write and why. */
interface Prepared {
  planned: PlannedSync;
  decided: CommitChanges;
  files: SyncFile[];
}

/**
 * Komodo's CommitSync: what exists is written back into the sync's files (only a `managed` sync,
 * or a fresh UI one, as Komodo), each entry into the file it came from with every other line and
 * comment kept, new entries with their kind. Git: one commit pushed with the account's token,
 * refused if the branch moved since it was read; host: under the sync's folder; UI: its
 * file_contents through UpdateResourceSync as the caller. The plan is refreshed afterwards.
 */
@Injectable()
export class SyncCommit {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly runner: ExecutionRunner,
    private readonly planner: SyncPlanner,
    private readonly refreshes: SyncRefresh,
    private readonly writer: SyncWriter,
  ) {}

  async commit(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const sync = this.refreshes.sync(idOrName);
    const access = new CallerAccess(this.readModel, meta.userId);
    // Bad files are a 400 before any Update; the run reads again once its turn comes (a RunSync
    // queued before it may change what exists).
    await this.prepare(sync, access);
    const { id, position } = await this.runner.start({
      operation: 'CommitSync',
      target: { type: 'ResourceSync', id: sync.id },
      meta,
      work: (ctx) => this.work(ctx, sync.id, access, meta),
    });
    return { id, position };
  }

  /** Checked again when the run's turn comes: the sync or the user's rights may have changed. */
  private async prepare(sync: Resource<'ResourceSync'>, access: CallerAccess): Promise<Prepared> {
    access.requireWrite(sync, 'CommitSync');
    refuseUnmanaged(sync);
    await this.writer.ready(sync);
    const planned = await this.planner.plan(sync, () => undefined);
    const { read } = planned;
    // Nothing read only because nothing is there yet: the first file is made. A file refused
    // (too large, a link) is never written over.
    const fresh =
      read.files.length === 0 && planned.problems.every((p) => !isError(p) || missing(p));
    const problems = fresh ? [] : planned.problems;
    // A sync with no file yet declares nothing: no entry of it differs, every one is added.
    const plan = fresh ? NOTHING_DECLARED : planned.plan;
    if (hasErrors(problems) || !plan)
      throw invalid(
        `the sync's files hold errors, so nothing is written:\n${problems
          .filter((p) => p.severity === 'error')
          .map(formatProblem)
          .join('\n')}`,
        { field: 'sync', problems },
      );
    const files = fresh ? [{ path: newFile(sync, read.origin), contents: '' }] : read.files;
    const declared = readSyncFiles(read.files, {
      exists: (kind, nameOrId) => this.readModel.resource(kind, nameOrId) !== undefined,
      matchTags: sync.config.match_tags,
    }).declared;
    const decided = commitChanges({
      sync,
      declared,
      plan,
      resources: RESOURCE_KINDS.flatMap((kind) => this.readModel.list(kind) as Resource[]),
      variables: this.readModel.settings.allVariables(),
      userGroups: this.readModel.identity.allGroups(),
      names: exportNamesOf(this.readModel),
      access,
    });
    const written = writeSyncFiles(files, declared, decided.changes);
    await this.writer.checkPaths(
      sync,
      written.map((f) => f.path),
    );
    return { planned, decided, files: written };
  }

  private async work(
    ctx: ExecutionContext,
    syncId: string,
    access: CallerAccess,
    meta: CommandMeta,
  ): Promise<void> {
    const sync = this.refreshes.sync(syncId);
    let prepared!: Prepared;
    await ctx.stage('Resources', 'what exists, beside what the files declare', async () => {
      prepared = await this.prepare(sync, access);
      const { changes, kept } = prepared.decided;
      const lines = [...changes.map((c) => `${c.action} ${c.kind} '${c.name}'`), ...kept];
      return { stdout: lines.join('\n') || 'the files already say what exists: nothing to write' };
    });
    const { planned, files } = prepared;
    if (!files.length) return;
    const { read } = planned;
    await ctx.stage('Write files', files.map((f) => f.path).join('\n'), async () => {
      const username = this.readModel.identity.user(meta.userId)?.username ?? meta.userId;
      const written = await this.writer.write(sync, read.origin, files, {
        meta,
        message: `${username}: Commit Sync '${sync.name}'`,
        expectedHead: read.commit?.hash,
        mask: (secret) => ctx.secret(secret),
      });
      const at = written.commit ? ` as commit ${written.commit}` : '';
      return { stdout: `${files.length} file(s) written to ${written.where}${at}` };
    });
    await ctx.stage('Refresh', 'plan the sync again', async () => {
      const now =
        read.origin === 'ui'
          ? { ...sync, config: { ...sync.config, file_contents: files[0].contents } }
          : sync;
      const after = await this.planner.plan(now, (secret) => ctx.secret(secret));
      await this.refreshes.record(sync.id, after, meta);
      const left = after.plan
        ? after.plan.resources.length + after.plan.variables.length + after.plan.userGroups.length
        : undefined;
      return { stdout: left === undefined ? 'the files hold errors' : `${left} change(s) pending` };
    });
  }
}

const isError = (problem: SyncProblem) => problem.severity === 'error';

/** What SyncFiles says of a path with nothing there (host folder, or repository). */
const missing = (problem: SyncProblem) =>
  problem.line === 0 && /^(does not exist|no file '.*' in the repository)/.test(problem.message);

/** Komodo commits only to a managed sync, or to a fresh UI one (nothing in it yet). */
function refuseUnmanaged(sync: Resource<'ResourceSync'>): void {
  const { config } = sync;
  const fresh =
    !config.files_on_host && !config.repo.trim() && !config.linked_repo && !config.file_contents;
  if (!config.managed && !fresh)
    throw invalid(
      `Cannot commit to sync '${sync.name}': enable 'managed' mode (CommitSync writes what exists into its files)`,
      { field: 'managed' },
    );
}

/** A sync that has no file yet gets its first resource_path, which must be a .toml file. */
function newFile(sync: Resource<'ResourceSync'>, origin: string): string {
  if (origin === 'ui') return UI_FILE;
  const first = sync.config.resource_path[0] ?? '';
  if (!first.endsWith('.toml'))
    throw invalid(
      `resource_path: no file was read and '${first}' is not a .toml file to write into`,
      { field: 'resource_path' },
    );
  return first;
}
