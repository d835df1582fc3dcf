import { mkdir } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ACTING_SUBJECT, BusClient, type ActingRequest } from '@monitor/bus';
import type { MonitorConfig } from '@monitor/config';
import { invalid, type Resource, type SyncFile } from '@monitor/domain';
import { commitRemote } from '@monitor/git-remote';
import type { ReadModel } from '@monitor/projections';
import { CredentialResolver, gitSourceOf, type CommandMeta } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { SyncFiles, type SyncOrigin } from '../sources/sync-files';
import { checkUnder, writeUnder } from './host-writer';

/** How a write went: where to, and the commit for git. */
export interface SyncWritten {
  where: string;
  commit?: string;
}

export interface WriteOptions {
  meta: CommandMeta;
  /** The commit message (git). */
  message: string;
  /** The commit the files were read at (git): a branch that moved since is refused. */
  expectedHead?: string;
  mask: (secret: string) => void;
}

/** Where a sync's files are, told without reading them (as SyncFiles.read tells them apart). */
export function originOf(config: Resource<'ResourceSync'>['config']): SyncOrigin {
  if (config.files_on_host) return 'host';
  return config.repo.trim() || config.linked_repo ? 'git' : 'ui';
}

/**
 * Writes whole files of a sync where they came from: under its host folder (never outside it),
 * as one commit pushed with the account's token (git), or as its `file_contents` through
 * UpdateResourceSync sent for the user (UI), so that the user's rights are checked as for their
 * own call.
 */
@Injectable()
export class SyncWriter {
  private readonly credentials: CredentialResolver;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) keyring: Keyring,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
    private readonly files: SyncFiles,
    private readonly bus: BusClient,
  ) {
    this.credentials = new CredentialResolver(config, readModel.settings, keyring);
  }

  /**
   * Before anything is read or written: a host sync's folder is made (a fresh sync has none
   * yet); a git sync pinned to a commit, or naming no branch, has no branch to write to.
   */
  async ready(sync: Resource<'ResourceSync'>): Promise<void> {
    if (originOf(sync.config) === 'host') await mkdir(this.files.folder(sync), { recursive: true });
    if (originOf(sync.config) !== 'git') return;
    const remote = gitSourceOf(this.readModel, this.credentials, sync.config, () => undefined);
    if (remote?.commit)
      throw invalid(
        `the sync reads the pinned commit ${remote.commit}: clear commit to write to its branch`,
        { field: 'sync' },
      );
    if (remote && !remote.branch)
      throw invalid(`the sync's repository ${remote.label} names no branch to commit to`, {
        field: 'sync',
      });
  }

  /** Refused (400) before the Update starts: a host path leading out of the sync's folder. */
  async checkPaths(sync: Resource<'ResourceSync'>, paths: string[]): Promise<void> {
    if (originOf(sync.config) !== 'host') return;
    for (const path of paths) await checkUnder(this.files.folder(sync), path);
  }

  async write(
    sync: Resource<'ResourceSync'>,
    origin: SyncOrigin,
    files: SyncFile[],
    options: WriteOptions,
  ): Promise<SyncWritten> {
    if (origin === 'host') {
      const root = this.files.folder(sync);
      for (const file of files) await writeUnder(root, file.path, file.contents);
      return { where: root };
    }
    if (origin === 'git') {
      const remote = gitSourceOf(this.readModel, this.credentials, sync.config, options.mask);
      if (!remote) throw invalid('the sync has no repository to commit to', { field: 'sync' });
      const { label, ...target } = remote;
      const username = this.readModel.identity.user(options.meta.userId)?.username ?? 'monitor';
      const commit = await commitRemote(target, {
        files,
        message: options.message,
        author: { name: username, email: `${username}@monitor.local` },
        expectedHead: options.expectedHead,
      });
      return { where: label, commit };
    }
    const acting: ActingRequest<CommandMeta> = {
      verb: 'write',
      name: 'UpdateResourceSync',
      params: { id: sync.id, config: { file_contents: files[0]?.contents ?? '' } },
      meta: options.meta,
    };
    await this.bus.request(ACTING_SUBJECT, acting);
    return { where: 'file_contents' };
  }
}
