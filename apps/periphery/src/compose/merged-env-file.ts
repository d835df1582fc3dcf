import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeripheryError } from '../api/periphery-error';
import { fileInStack } from './stack-paths';

/** The `--env-file` compose is given, if any, and how to remove it once compose is done. */
export interface EnvFileForCompose {
  path?: string;
  remove(): Promise<void>;
}

/**
 * The stack's env file and its `additional_env_files`, as one `--env-file` (Debian's
 * docker-compose 1.x takes only one): their lines in order, so a later file's value wins as with
 * several `--env-file`s. The merged file is the agent's own (0600, outside the stack's folder).
 * Without additional files it is the env file as is. A missing file is a VALIDATION error
 * naming it.
 */
export async function envFileForCompose(
  cwd: string,
  envFile: string | undefined,
  additional: string[],
): Promise<EnvFileForCompose> {
  const own = envFile ? fileInStack(cwd, envFile) : undefined;
  if (!additional.length) return { path: own, remove: async () => undefined };
  const sources = [
    ...(envFile && own ? [{ path: envFile, file: own }] : []),
    ...additional.map((path) => ({ path, file: fileInStack(cwd, path) })),
  ];
  const parts: string[] = [];
  for (const { path, file } of sources) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new PeripheryError('VALIDATION', `env file '${path}' not found in the run directory`);
    });
    parts.push(text.endsWith('\n') || !text ? text : `${text}\n`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'monitor-env-'));
  const merged = join(dir, 'merged.env');
  await writeFile(merged, parts.join(''), { mode: 0o600 });
  return { path: merged, remove: () => rm(dir, { recursive: true, force: true }) };
}
