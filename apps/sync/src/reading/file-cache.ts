import { type SyncFile, deepFreeze } from '@monitor/domain';
import { type FileReading, readSyncFile } from './read-file';

/*
 * A sync reads the same files on every poll, refresh and RunSync, and most polls find them
 * unchanged: a file's reading is a pure function of its path and text, so it is kept, frozen,
 * and an unchanged file is neither parsed, scanned nor checked again.
 */

/** Text kept at most (UTF-16 units; the readings kept beside it are of the same order). */
const MAX_CHARS = 8 * 1024 * 1024;
const readings = new Map<string, { reading: FileReading; chars: number }>();
let chars = 0;

/** readSyncFile, remembered; the answer is frozen (shared with every later read of the text). */
export function readSyncFileCached(file: SyncFile): FileReading {
  const key = `${file.path}\u0000${file.contents}`;
  const found = readings.get(key);
  if (found) {
    // Oldest first: what has not been read for longest goes when full.
    readings.delete(key);
    readings.set(key, found);
    return found.reading;
  }
  const reading = deepFreeze(readSyncFile(file));
  if (key.length > MAX_CHARS) return reading;
  readings.set(key, { reading, chars: key.length });
  chars += key.length;
  for (const [oldest, { chars: size }] of readings) {
    if (chars <= MAX_CHARS) break;
    readings.delete(oldest);
    chars -= size;
  }
  return reading;
}
