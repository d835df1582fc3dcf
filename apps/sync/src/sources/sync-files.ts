import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { invalid, type Resource, type SyncFile, type SyncProblem } from '@monitor/domain';
import { GitRemoteError, readRemote } from '@monitor/git-remote';
import type { ReadModel } from '@monitor/projections';
import { CredentialResolver, gitSourceOf } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { collectSyncFiles } from '../reading';

/** Where a sync's files came from, as Komodo tells them apart. */
export type SyncOrigin = 'ui' | 'host' | 'git';

/** A sync's files as read: each file, what could not be read, and the commit for git. */
export interface SyncFilesRead {
  origin: SyncOrigin;
  files: SyncFile[];
  /** Paths missing, refused or too large: `line` 0, field `resource_path`. */
  problems: SyncProblem[];
  commit?: { hash: string; message: string };
  /** How logs name the source: the repository and branch, the folder, or the UI's file. */
  label: string;
}

/** How Komodo names the UI-defined file. */
export const UI_FILE = 'database file';

/**
 * Reads a sync's TOML files as Komodo does: from its host folder (`files_on_host`), from git
 * (its linked Repo or its own repository, with the account's token, read by the core without a
 * checkout), or from its `file_contents`. `mask` hears the account's token.
 */
@Injectable()
export class SyncFiles {
  private readonly credentials: CredentialResolver;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {
    this.credentials = new CredentialResolver(config, readModel.settings, keyring);
  }

  async read(
    sync: Resource<'ResourceSync'>,
    mask: (secret: string) => void,
  ): Promise<SyncFilesRead> {
    const { config } = sync;
    if (config.files_on_host) return this.host(sync);
    const git = gitSourceOf(this.readModel, this.credentials, config, mask);
    if (!git)
      return {
        origin: 'ui',
        files: [{ path: UI_FILE, contents: config.file_contents }],
        problems: [],
        label: UI_FILE,
      };
    const { label, ...remote } = git;
    const read = await readRemote(remote, config.resource_path, {
      folders: { suffix: '.toml' },
      maxFileBytes: this.config.sync.max_file_bytes,
    }).catch((error: unknown) => {
      if (error instanceof GitRemoteError) return error;
      throw error;
    });
    // As Komodo: a repository that cannot be read (no such branch, refused credentials) is the
    // plan's error, shown on the sync, rather than a failed refresh; nothing read, nothing deleted.
    if (read instanceof GitRemoteError)
      return {
        origin: 'git',
        files: [],
        problems: [unreadable(label, read.message, 'repo')],
        label,
      };
    const files: SyncFile[] = [];
    const problems: SyncProblem[] = [];
    for (const file of read.files) {
      if (file.contents !== undefined) files.push({ path: file.path, contents: file.contents });
      else problems.push(unreadable(file.path, file.error ?? 'could not be read'));
    }
    return { origin: 'git', files, problems, commit: read.commit, label };
  }

  /**
   * Refuses, before any work starts, a sync whose source cannot be read at all: a host folder
   * its name cannot name (a refresh answers 400 rather than record a failed Update).
   */
  check(sync: Resource<'ResourceSync'>): void {
    if (sync.config.files_on_host) this.folder(sync);
  }

  /**
   * The sync's folder under `[sync] directory`, named as Komodo names it. A name that would
   * reach another folder (`..`, a slash: a user with Write on the sync may rename it) is refused.
   */
  folder(sync: Resource<'ResourceSync'>): string {
    const name = sync.name.trim().replace(/[ \n]/g, '_');
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name))
      throw invalid(
        `files_on_host: the sync's name '${sync.name}' cannot name a folder (no '/', '\\', '..'): rename it`,
        { field: 'name' },
      );
    return join(this.directory(), name);
  }

  private async host(sync: Resource<'ResourceSync'>): Promise<SyncFilesRead> {
    const root = this.folder(sync);
    if (!(await isFolder(root)))
      // Every path is missing (nothing declared: nothing is deleted), each named as a missing one.
      return {
        origin: 'host',
        files: [],
        problems: sync.config.resource_path.map((entry) =>
          unreadable(
            entry,
            `does not exist: the sync's folder '${basename(root)}' is not in the sync directory; nothing is read, nothing deleted`,
          ),
        ),
        label: root,
      };
    const { files, problems } = await collectSyncFiles(root, sync.config.resource_path);
    const max = this.config.sync.max_file_bytes;
    return {
      origin: 'host',
      files: files.filter((f) => Buffer.byteLength(f.contents) <= max),
      problems: [
        ...problems,
        ...files
          .filter((f) => Buffer.byteLength(f.contents) > max)
          .map((f) => unreadable(f.path, `is larger than the ${max} bytes read`)),
      ],
      label: root,
    };
  }

  private directory(): string {
    return this.config.sync.directory || join(this.config.data_dir, 'syncs');
  }
}

function unreadable(file: string, message: string, field = 'resource_path'): SyncProblem {
  return { file, line: 0, field, severity: 'error', message };
}

/** Whether `path` is a folder; a missing one is not (any other failure is thrown). */
async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
