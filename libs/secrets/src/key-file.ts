import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { decodeKey, generateKey, keyIdOf } from './crypto';
import { SecretError } from './errors';

/** A data key re-wrapped by a newer master key during rotation (see README). */
export interface WrappedDataKey {
  kid: string;
  dk: string;
}

/**
 * The key file: `{ current, keys: { kid: base64 }, dataKeys?: { dkid: { kid, dk } } }`.
 * `current` seals; every key in `keys` opens; `dataKeys` holds re-wrapped data keys.
 */
export interface KeyFileData {
  current: string;
  keys: Record<string, string>;
  dataKeys: Record<string, WrappedDataKey>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(source: string, why: string): SecretError {
  return new SecretError('SECRET_KEY_INVALID', `key file ${source}: ${why}`, { source });
}

/** Parses and checks a key file's text; `source` only names it in errors. */
export function parseKeyFile(text: string, source: string): KeyFileData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid(source, 'not JSON');
  }
  if (!isRecord(raw) || typeof raw.current !== 'string' || !isRecord(raw.keys)) {
    throw invalid(source, 'expected { current, keys }');
  }
  const keys: Record<string, string> = {};
  for (const [kid, key] of Object.entries(raw.keys)) {
    if (typeof key !== 'string') throw invalid(source, `key "${kid}" is not a string`);
    decodeKey(key, `key "${kid}" of ${source}`);
    keys[kid] = key.trim();
  }
  if (!(raw.current in keys)) throw invalid(source, `current key "${raw.current}" is not in keys`);
  const dataKeys: Record<string, WrappedDataKey> = {};
  for (const [dkid, entry] of Object.entries(isRecord(raw.dataKeys) ? raw.dataKeys : {})) {
    if (!isRecord(entry) || typeof entry.kid !== 'string' || typeof entry.dk !== 'string') {
      throw invalid(source, `data key "${dkid}" is not { kid, dk }`);
    }
    dataKeys[dkid] = { kid: entry.kid, dk: entry.dk };
  }
  return { current: raw.current, keys, dataKeys };
}

export function serializeKeyFile(data: KeyFileData): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/** A new key file with one freshly generated master key. */
export function newKeyFileData(): KeyFileData {
  const key = generateKey();
  const kid = keyIdOf(key);
  return { current: kid, keys: { [kid]: key.toString('base64') }, dataKeys: {} };
}

export interface ReadKeyFileOptions {
  /** Refuse a file readable by group or others (default true; ignored on Windows). */
  checkMode?: boolean;
}

export function readKeyFile(path: string, options: ReadKeyFileOptions = {}): KeyFileData {
  let text: string;
  try {
    if (options.checkMode !== false && process.platform !== 'win32') {
      const mode = statSync(path).mode & 0o777;
      if ((mode & 0o077) !== 0) {
        throw new SecretError(
          'SECRET_KEY_FILE_INSECURE',
          `key file ${path} has mode ${mode.toString(8)}: run chmod 600 on it`,
          { path, mode },
        );
      }
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof SecretError) throw error;
    throw new SecretError(
      'SECRET_KEY_INVALID',
      `key file ${path} cannot be read: ${String(error)}`,
      {
        path,
      },
    );
  }
  return parseKeyFile(text, path);
}

/** Writes a temporary file beside `path`, mode 0600, flushed to disk. */
function writeTemp(path: string, data: KeyFileData): string {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600); // the umask may only narrow the mode, but be exact
    writeSync(fd, serializeKeyFile(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/** Makes a rename or link durable: the directory entry must reach the disk too. */
function syncDir(path: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces the file atomically: readers see the old content or the new, never a torn one. */
export function writeKeyFile(path: string, data: KeyFileData): void {
  const temp = writeTemp(path, data);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  syncDir(path);
}

/**
 * Creates the file only if absent, atomically (link fails if the name exists), so processes
 * starting together agree on one key. Answers false when another process created it first.
 */
export function createKeyFile(path: string, data: KeyFileData): boolean {
  const temp = writeTemp(path, data);
  try {
    linkSync(temp, path);
    syncDir(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
