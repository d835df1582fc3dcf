import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Log } from '../docker/docker-shapes';
import { runStage } from '../docker/stage-log';
import type { StackFileDto } from './compose.dto';
import { fileInStack } from './stack-paths';

/**
 * Writes the stack's files. Each goes to a temporary name beside its target and is renamed
 * over it, so a compose run in between sees the old file or the new one, never half of one.
 * The env file is written mode 0600: it usually holds secrets. Contents never reach the Log.
 */
export async function writeStackFiles(
  directory: string,
  files: StackFileDto[],
  env?: StackFileDto,
): Promise<Log> {
  const all = [
    ...files.map((file) => ({ file, mode: 0o644 })),
    ...(env ? [{ file: env, mode: 0o600 }] : []),
  ];
  // Every path is checked before anything is written: a bad one leaves the stack untouched.
  const targets = all.map(({ file, mode }) => ({
    target: fileInStack(directory, file.path),
    file,
    mode,
  }));
  const result = await runStage('write compose files', `write files to ${directory}`, async () => {
    for (const { target, file, mode } of targets) {
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.tmp-${randomBytes(4).toString('hex')}`;
      try {
        await writeFile(temporary, file.contents, { mode });
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
