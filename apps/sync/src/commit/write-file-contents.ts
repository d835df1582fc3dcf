import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { WriteSyncFileContentsDto } from '@monitor/contracts';
import { invalid, relativePathProblem, type Resource } from '@monitor/domain';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { SyncPlanner } from '../planning/sync-planner';
import { SyncRefresh } from '../refresh/sync-refresh';
import { CallerAccess } from './caller-access';
import { originOf, SyncWriter } from './sync-writer';

/** `resource_path` and `file_path` as one path in the sync's folder or repository. */
function filePath({ resource_path, file_path }: WriteSyncFileContentsDto): string {
  for (const [field, path] of [
    ['resource_path', resource_path],
    ['file_path', file_path],
  ] as const) {
    const problem = relativePathProblem(path);
    if (problem) throw invalid(`${field} ${problem}`, { field });
  }
  const segments = `${resource_path}/${file_path}`
    .split(/[/\\]/)
    .filter((s) => s !== '' && s !== '.');
  if (!segments.length) throw invalid('file_path names no file', { field: 'file_path' });
  return segments.join('/');
}

/**
 * Komodo's WriteSyncFileContents: one file of the sync written where its files are (its host
 * folder, a commit on its branch, or its UI file_contents), the path never leaving the folder
 * or repository, then the plan refreshed. Needs Write on the sync.
 */
@Injectable()
export class WriteFileContents {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly runner: ExecutionRunner,
    private readonly planner: SyncPlanner,
    private readonly refreshes: SyncRefresh,
    private readonly writer: SyncWriter,
  ) {}

  async write(params: WriteSyncFileContentsDto, meta: CommandMeta): Promise<WriteResult> {
    const sync = this.refreshes.sync(params.sync);
    new CallerAccess(this.readModel, meta.userId).requireWrite(sync, 'WriteSyncFileContents');
    const path = filePath(params);
    const max = this.config.sync.max_file_bytes;
    if (Buffer.byteLength(params.contents) > max)
      throw invalid(`contents: larger than the ${max} bytes a sync reads`, { field: 'contents' });
    await this.writer.ready(sync);
    await this.writer.checkPaths(sync, [path]);
    const { id, position } = await this.runner.start({
      operation: 'WriteSyncContents',
      target: { type: 'ResourceSync', id: sync.id },
      meta,
      work: (ctx) => this.work(ctx, sync, path, params.contents, meta),
    });
    return { id, position };
  }

  private async work(
    ctx: ExecutionContext,
    sync: Resource<'ResourceSync'>,
    path: string,
    contents: string,
    meta: CommandMeta,
  ): Promise<void> {
    const origin = originOf(sync.config);
    await ctx.stage('Write File', path, async () => {
      const username = this.readModel.identity.user(meta.userId)?.username ?? meta.userId;
      const written = await this.writer.write(sync, origin, [{ path, contents }], {
        meta,
        message: `${username}: Commit Resource File`,
        mask: (secret) => ctx.secret(secret),
      });
      const at = written.commit ? ` as commit ${written.commit}` : '';
      return {
        stdout: `${Buffer.byteLength(contents)} bytes written to ${path} in ${written.where}${at}`,
      };
    });
    await ctx.stage('Refresh', 'plan the sync again', async () => {
      const now =
        origin === 'ui' ? { ...sync, config: { ...sync.config, file_contents: contents } } : sync;
      await this.refreshes.record(
        sync.id,
        await this.planner.plan(now, (s) => ctx.secret(s)),
        meta,
      );
      return { stdout: 'plan refreshed' };
    });
  }
}
