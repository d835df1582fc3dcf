import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { PASSKEY_RULE } from '@monitor/agent-client';
import { ConfigError } from '@monitor/process';
import type { PeripheryConfig } from '../config';

/** Where the passkey the core set (RotatePasskey) is kept: it wins over the configured ones. */
export function passkeyFile(config: PeripheryConfig): string {
  return join(config.root_directory, 'state', 'passkey');
}

/**
 * The passkey the core set, or undefined when it never set one. A file that holds no valid
 * passkey stops the agent rather than falling back to the configured passkeys: those may be the
 * single-use one of a launch, still readable in the provider's user data.
 */
export function readPasskeyFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const passkey = readFileSync(file, 'utf8').trim();
  if (!PASSKEY_RULE.test(passkey)) {
    throw new ConfigError(
      `${file} holds no valid passkey (the one the core set, which replaces the configured ones): ` +
        'remove it to use the configured passkeys, then have the core rotate the passkey again',
    );
  }
  return passkey;
}

/**
 * Writes the passkey so that a crash at any point leaves either the old file or the new one,
 * never a partial one: a fresh 0600 file beside it, flushed, renamed over it, the folder flushed.
 * Synchronous on purpose: the caller swaps its keys in the same turn of the event loop. Throws
 * when the new file is not in place; once it is (renamed), answers why the folder could not be
 * flushed, if it could not: the new passkey is then in use, and the caller must not undo that.
 */
export function writePasskeyFile(file: string, passkey: string): string | undefined {
  const folder = join(file, '..');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.tmp`;
  // A leftover of a crash may have another mode: 'wx' makes the file anew with 0600.
  rmSync(temporary, { force: true });
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${passkey}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  try {
    const dir = openSync(folder, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch (error) {
    return `could not flush ${folder} (${(error as Error).message}): a power loss may bring the previous passkey back`;
  }
  return undefined;
}
