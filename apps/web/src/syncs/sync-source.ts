import type { ResourceSyncConfig, SyncFileContents } from '@monitor/contracts';

/** Where a sync's files are, told apart as the sync service tells them (files_on_host first). */
export type SyncOrigin = 'ui' | 'host' | 'git';

/** The one file of a sync whose files are kept in the UI (`file_contents`), as the service names it. */
export const UI_FILE = 'database file';

type SourceConfig = Pick<
  ResourceSyncConfig,
  'files_on_host' | 'repo' | 'linked_repo' | 'file_contents' | 'managed'
>;

export function syncOrigin(config: Partial<SourceConfig>): SyncOrigin {
  if (config.files_on_host) return 'host';
  return config.repo?.trim() || config.linked_repo ? 'git' : 'ui';
}

/**
 * The files to show and edit: a UI sync's `file_contents` as its config holds it now (even
 * empty, to write the first one); elsewhere the files the last refresh read.
 */
export function filesShown(
  config: Partial<SourceConfig>,
  read: readonly SyncFileContents[],
): SyncFileContents[] {
  if (syncOrigin(config) === 'ui')
    return [{ resource_path: '', path: UI_FILE, contents: config.file_contents ?? '' }];
  return [...read];
}

/**
 * Whether CommitSync is offered, and how: a fresh sync (no files anywhere yet) writes its first
 * file; a `managed` one writes what exists back when the plan holds a change; any other is
 * refused by the service, so not offered.
 */
export function commitOffer(
  config: Partial<SourceConfig>,
  planHasChanges: boolean,
): 'fresh' | 'managed' | undefined {
  const fresh =
    !config.files_on_host && !config.repo?.trim() && !config.linked_repo && !config.file_contents;
  if (fresh) return 'fresh';
  return config.managed && planHasChanges ? 'managed' : undefined;
}

/** Files are shown unfolded when there are one or two; three or more start folded (as Komodo's page). */
export const unfolded = (fileCount: number): boolean => fileCount < 3;
