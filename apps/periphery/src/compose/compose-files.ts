import type { StackFileContents } from '@monitor/contracts/agent';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Log } from '../docker/docker-shapes';
import { runStage } from '../docker/stage-log';
import type { StackFileDto } from './compose.dto';
import { PeripheryError } from '../api/periphery-error';
import { fileInStack } from './stack-paths';

/** The files the core sends hold interpolated values (secrets): for the agent's user alone. */
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

/**
 * Writes the stack's files. Each goes to a temporary name beside its target and is renamed
 * over it, so a compose run in between sees the old file or the new one, never half of one.
 * Every file is written mode 0600 and the folders holding them made 0700: the core has filled
 * in variables, secret ones included, in compose files as in the env file. Contents never
 * reach the Log.
 */
export async function writeStackFiles(
  directory: string,
  files: StackFileDto[],
  env?: StackFileDto,
): Promise<Log> {
  const all = [...files, ...(env ? [env] : [])];
  // Every path is checked before anything is written: a bad one leaves the stack untouched.
  const targets = all.map((file) => ({ target: fileInStack(directory, file.path), file }));
  const result = await runStage('write compose files', `write files to ${directory}`, async () => {
    for (const folder of new Set([directory, ...targets.map(({ target }) => dirname(target))])) {
      await mkdir(folder, { recursive: true, mode: FOLDER_MODE });
      await chmod(folder, FOLDER_MODE);
    }
    for (const { target, file } of targets) {
      const temporary = `${target}.tmp-${randomBytes(4).toString('hex')}`;
      try {
        await writeFile(temporary, file.contents, { mode: FILE_MODE });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }
    return targets.map(({ file }) => `wrote ${file.path}`).join('\n');
  });
  return result.log;
}

/** Larger than any sane compose file; a bigger one is refused rather than copied to the core. */
const MAX_READ_BYTES = 1024 * 1024;

/** The compose files of a stack as they are on disk (cloned from git, or put on the host). */
export async function readStackFiles(
  directory: string,
  files: string[],
): Promise<StackFileContents> {
  const answer: StackFileContents = { contents: [], missing: [] };
  for (const path of files) {
    const target = fileInStack(directory, path);
    const info = await stat(target).catch(() => undefined);
    if (!info?.isFile()) {
      answer.missing.push(path);
      continue;
    }
    if (info.size > MAX_READ_BYTES) {
      throw new PeripheryError(
        'VALIDATION',
        `compose file '${path}' is over ${MAX_READ_BYTES} bytes`,
      );
    }
    answer.contents.push({ path, contents: await readFile(target, 'utf8') });
  }
  return answer;
}
