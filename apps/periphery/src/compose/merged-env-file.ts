import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeripheryError } from '../api/periphery-error';
import { fileInStack } from './stack-paths';

/**
 * The stack's env file and its `additional_env_files`, as one `--env-file` (Debian's
 * docker-compose 1.x takes only one): their lines in order, so a later file's value wins as with
 * several `--env-file`s. The merged file is the agent's own (0600, outside the stack's folder)
 * and is removed once `run` is done. Without additional files, `run` gets the env file as is.
 */
export async function withMergedEnvFile<T>(
  cwd: string,
  envFile: string | undefined,
  additional: string[],
  run: (envFile: string | undefined) => Promise<T>,
): Promise<T> {
  const own = envFile ? fileInStack(cwd, envFile) : undefined;
  if (!additional.length) return run(own);
  const parts: string[] = [];
  for (const [path, file] of [
    ...(own && envFile ? [[envFile, own]] : []),
    ...additional.map((path) => [path, fileInStack(cwd, path)]),
  ]) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new PeripheryError('VALIDATION', `env file '${path}' not found in the run directory`);
    });
    parts.push(text.endsWith('\n') || !text ? text : `${text}\n`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'monitor-env-'));
  const merged = join(dir, 'merged.env');
  try {
    await writeFile(merged, parts.join(''), { mode: 0o600 });
    return await run(merged);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
