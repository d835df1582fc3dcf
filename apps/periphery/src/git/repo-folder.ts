import type { RepoAnswer } from '@monitor/contracts/agent';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PeripheryConfig } from '../config';
import { runCommand } from '../compose/command-log';
import type { RunningWork } from '../compose/running-work';
import { writeStackFiles } from '../compose/compose-files';
import { directoryInStack, fileInStack } from '../compose/stack-paths';
import { cloneOrPullInto } from './git.service';
import type { GetLatestCommitDto, PullOrCloneRepoDto } from './repo.dto';

/**
 * Komodo's Repos on this host: each in its folder under `<root>/repos`, cloned or pulled, its
 * env file written, then its `on_clone` / `on_pull` commands run there. No path leaves the
 * repos folder, nor the repo's own folder for the env file and the commands (symlinks too).
 */
export class RepoFolders {
  constructor(
    private readonly config: PeripheryConfig,
    private readonly running: RunningWork,
  ) {}

  /** With an id, CancelRepoRun (or CancelBuild, for a Build's checkout) stops every step. */
  pullOrClone(p: PullOrCloneRepoDto): Promise<RepoAnswer> {
    return this.running.run('PullOrCloneRepo', p.id, (signal) => this.pullOrCloneNow(p, signal));
  }

  private async pullOrCloneNow(p: PullOrCloneRepoDto, signal: AbortSignal): Promise<RepoAnswer> {
    const root = join(resolve(this.config.root_directory), 'repos');
    await mkdir(root, { recursive: true });
    const cwd = fileInStack(root, p.directory);
    const answer = await cloneOrPullInto(cwd, p, { signal });
    if (!answer.success) return answer;
    const logs = [...answer.logs];
    if (p.env) {
      const written = await writeStackFiles(cwd, [], p.env);
      logs.push({ ...written, stage: 'write env file' });
      if (!written.success) return { ...answer, logs, success: false };
    }
    for (const command of p.commands ?? []) {
      // The user's own shell command (Komodo's on_clone / on_pull): a shell on purpose.
      const log = await runCommand(command.stage, 'sh', ['-e', '-c', command.command], {
        cwd: directoryInStack(cwd, command.path),
        signal,
      });
      logs.push(log);
      if (!log.success) return { ...answer, logs, success: false };
    }
    return { ...answer, logs };
  }

  /** The remote branch's newest commit, fetched into a scratch folder that is removed after. */
  async latestCommit(p: GetLatestCommitDto): Promise<RepoAnswer> {
    const scratch = join(resolve(this.config.root_directory), 'repos', '.latest');
    await mkdir(scratch, { recursive: true });
    const cwd = await mkdtemp(join(scratch, 'fetch-'));
    try {
      return await cloneOrPullInto(cwd, p, { fetchOnly: true });
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  }
}
