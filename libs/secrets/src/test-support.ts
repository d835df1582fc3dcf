import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretError, type SecretErrorCode } from './errors';

/** A fresh temporary folder per test; removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-secrets-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The SecretError code `fn` throws (fails the test if it does not throw one). */
export function codeOf(fn: () => unknown): SecretErrorCode {
  try {
    fn();
  } catch (error) {
    if (error instanceof SecretError) return error.code;
    throw error;
  }
  throw new Error('expected a SecretError');
}
