import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SecretError } from './errors';
import { createKeyFile, newKeyFileData, parseKeyFile } from './key-file';
import { Keyring } from './keyring';

export const MASTER_KEY_FILE = 'master.key';

export interface LoadKeyringOptions {
  /**
   * The master key from config (e.g. an env variable fed by a secret manager): base64 of 32
   * bytes, or the whole key file JSON (to carry several keys and re-wrapped data keys).
   */
  key?: string;
  /** A key file kept outside the data folder. */
  keyFile?: string;
  /** The data folder: `<data_dir>/master.key` is created on first use. */
  dataDir?: string;
  /** Refuse key files readable by group or others (default true). */
  checkMode?: boolean;
}

export function masterKeyPath(dataDir: string): string {
  return join(dataDir, MASTER_KEY_FILE);
}

/** The keyring from config, in this order: `key`, then `keyFile`, then the data folder's file. */
export function loadKeyring(options: LoadKeyringOptions): Keyring {
  const readOptions = { checkMode: options.checkMode };
  if (options.key !== undefined && options.key.trim() !== '') {
    const key = options.key.trim();
    return key.startsWith('{')
      ? Keyring.fromData(parseKeyFile(key, 'from config'))
      : Keyring.fromBase64(key);
  }
  if (options.keyFile) return Keyring.fromKeyFile(options.keyFile, readOptions);
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const path = masterKeyPath(options.dataDir);
    // createKeyFile answers false when another process created it first: then we read theirs.
    if (!existsSync(path)) createKeyFile(path, newKeyFileData());
    return Keyring.fromKeyFile(path, readOptions);
  }
  throw new SecretError(
    'SECRET_KEY_INVALID',
    'no master key configured: give a key, key file or data folder',
  );
}
