import {
  isGitBranch,
  isGitCommit,
  isGitProvider,
  isGitRepoPath,
  isImageReference,
  isProjectName,
} from '@monitor/domain';
import { rule, Str } from './rules';

/**
 * Fields the agent hands to Docker, compose and git, refused when written rather than at the
 * deploy that would trip over them. Empty means the default, as in Komodo.
 */
const field = (name: string, valid: (value: string) => boolean, expected: string) => () =>
  Str(
    undefined,
    rule(name, (v) =>
      typeof v !== 'string' || v === '' || valid(v)
        ? undefined
        : `must be ${expected} (got "${v}")`,
    ),
  );

export const ImageReference = field(
  'imageReference',
  isImageReference,
  'an image reference such as "registry.example.com/app:1.2"',
);
export const ProjectName = field(
  'projectName',
  isProjectName,
  "a compose project name: lowercase letters, digits, '_' or '-', starting with a letter or digit",
);
export const GitProvider = field(
  'gitProvider',
  isGitProvider,
  'a git host, with a port if any (e.g. "github.com", "git.example.com:8443"), no scheme or path',
);
export const GitRepo = field(
  'gitRepo',
  isGitRepoPath,
  'a repository path such as "owner/name" (no "..", spaces, or leading "-")',
);
export const GitBranch = field(
  'gitBranch',
  isGitBranch,
  'a branch name (letters, digits, "._/-"; not starting with "-", no "..")',
);
export const GitCommit = field('gitCommit', isGitCommit, 'a commit hash (4-40 hex digits)');
