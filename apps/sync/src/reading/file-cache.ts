import { type SyncFile, deepFreeze } from '@monitor/domain';
import { type FileReading, readSyncFile } from './read-file';

/*
 * A sync reads the same files on every poll, refresh and RunSync, and most polls find them
 * unchanged: a file's reading is a pure function of its path and text, so it is kept, frozen,
 * and an unchanged file is neither parsed, scanned nor checked again.
 */

/** Text kept at most (UTF-16 units; the readings kept beside it are of the same order). */
const MAX_CHARS = 8 * 1024 * 1024;
/**
 * By text, then path: the text is the key as it is (a key joining path and text would be a new
 * string of the whole file, made and hashed on every read).
 */
const readings = new Map<string, Map<string, FileReading>>();
let chars = 0;

/** readSyncFile, remembered; the answer is frozen (shared with every later read of the text). */
export function readSyncFileCached(file: SyncFile): FileReading {
  const byPath = readings.get(file.contents);
  if (byPath) {
    // Oldest first: what has not been read for longest goes when full.
    readings.delete(file.contents);
    readings.set(file.contents, byPath);
    const found = byPath.get(file.path);
    if (found) return found;
  }
  const reading = deepFreeze(readSyncFile(file));
  const size = file.contents.length + file.path.length;
  if (size > MAX_CHARS) return reading;
  if (byPath) byPath.set(file.path, reading);
  else readings.set(file.contents, new Map([[file.path, reading]]));
  chars += size;
  for (const [oldest, paths] of readings) {
    if (chars <= MAX_CHARS) break;
    readings.delete(oldest);
    for (const path of paths.keys()) chars -= oldest.length + path.length;
  }
  return reading;
}
