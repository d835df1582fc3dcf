import { relativePathProblem } from '../shared/relative-path';
import { isGitBranch, isGitCommit } from '../shared/runtime-syntax';
import { REPO_SCRATCH_FOLDER } from './repo-directory';
import type { RepoConfig } from './repo.config';

interface FieldError {
  field: string;
  message: string;
}

/**
 * What a Repo's config must satisfy when written: its folder (`path`, under the agent's repos
 * folder), the commands' folders and the env file stay inside the repo's folder; the branch and
 * commit are what git accepts. Fields absent from a partial config (an update) are not checked.
 */
export function validateRepoConfig(config: Partial<RepoConfig>): FieldError[] {
  const errors: FieldError[] = [];
  const path = (field: string, value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return;
    const problem = relativePathProblem(value.trim());
    if (problem) errors.push({ field, message: `${field}: ${problem}` });
  };
  path('path', config.path);
  if (config.path?.trim().split(/[\\/]/)[0] === REPO_SCRATCH_FOLDER) {
    errors.push({
      field: 'path',
      message: `path: '${REPO_SCRATCH_FOLDER}' is the agent's own folder`,
    });
  }
  path('env_file_path', config.env_file_path);
  path('on_clone.path', config.on_clone?.path);
  path('on_pull.path', config.on_pull?.path);
  const branch = config.branch?.trim();
  if (branch && !isGitBranch(branch)) {
    errors.push({
      field: 'branch',
      message: `branch: '${branch}' is not a branch name (letters, digits, "._/-"; not starting with "-", no "..")`,
    });
  }
  const commit = config.commit?.trim();
  if (commit && !isGitCommit(commit)) {
    errors.push({
      field: 'commit',
      message: `commit: '${commit}' is not a commit hash (4-40 hex digits)`,
    });
  }
  return errors;
}
