import type { DeclaredSet, SyncFile } from '../declared';
import { placeResources } from './place';
import { rewriteSyncFile, type SyncFileChange } from './rewrite';

/**
 * CommitSync's files: each change written into the file it belongs to (`placeResources`),
 * every other byte of that file kept (`rewriteSyncFile`). Only the files that change come back.
 */
export function writeSyncFiles(
  files: SyncFile[],
  declared: DeclaredSet,
  changes: SyncFileChange[],
): SyncFile[] {
  const written: SyncFile[] = [];
  for (const { path, changes: own } of placeResources(files, declared, changes)) {
    const before = files.find((f) => f.path === path)?.contents ?? '';
    const contents = rewriteSyncFile(before, own);
    if (contents !== before) written.push({ path, contents });
  }
  return written;
}
