import type { OnApplicationBootstrap } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  requireValid,
  RunSyncDto,
  SYNC_REQUESTS,
  SyncParamDto,
  WriteSyncFileContentsDto,
} from '@monitor/contracts';
import { ExecutionRunner } from '@monitor/executions';
import { systemMeta, type CommandMeta, type WriteResult } from '@monitor/resources';
import { SyncRun } from './apply/sync-run';
import { SyncCommit } from './commit/sync-commit';
import { WriteFileContents } from './commit/write-file-contents';
import { SyncRefresh } from './refresh/sync-refresh';
import { WebhookSyncRun } from './webhooks/webhook-sync-run';

const queue = QUEUE_GROUPS.sync;
const S = SYNC_REQUESTS;
type Envelope = { params: unknown; meta: CommandMeta };

/** `exec.resourcesync.<Execution>`: a sync's work, each answering its Update at once. */
@BusController()
export class SyncController implements OnApplicationBootstrap {
  constructor(
    private readonly runner: ExecutionRunner,
    private readonly refreshes: SyncRefresh,
    private readonly runs: SyncRun,
    private readonly commits: SyncCommit,
    private readonly fileWrites: WriteFileContents,
    private readonly webhookRuns: WebhookSyncRun,
  ) {}

  /** A sync's work left unfinished when the service stopped is marked interrupted. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.interruptUnfinished(['ResourceSync'], systemMeta());
  }

  @MessagePattern(execSubject('ResourceSync', S.RefreshResourceSyncPending.name), { queue })
  refresh({ params, meta }: Envelope): Promise<WriteResult> {
    return this.refreshes.refresh(requireValid(SyncParamDto, params).sync, meta);
  }

  @MessagePattern(execSubject('ResourceSync', S.RunSync.name), { queue })
  run({ params, meta }: Envelope): Promise<WriteResult> {
    const run = requireValid(RunSyncDto, params);
    // A push never confirms deletes: a webhook's run goes where a large delete is held.
    if (meta.via === 'webhook') return this.webhookRuns.run(run.sync, meta);
    return this.runs.run(run, meta);
  }

  @MessagePattern(execSubject('ResourceSync', S.CommitSync.name), { queue })
  commit({ params, meta }: Envelope): Promise<WriteResult> {
    return this.commits.commit(requireValid(SyncParamDto, params).sync, meta);
  }

  @MessagePattern(execSubject('ResourceSync', S.WriteSyncFileContents.name), { queue })
  writeFile({ params, meta }: Envelope): Promise<WriteResult> {
    return this.fileWrites.write(requireValid(WriteSyncFileContentsDto, params), meta);
  }
}
