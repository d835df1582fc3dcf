/*
 * Help shared by several kinds: the git source of Stack, Build, Repo and ResourceSync, and the
 * maintenance windows of Server and Alerter.
 */

export const GIT = {
  git_provider: 'Domain of the git host, e.g. github.com or git.example.com.',
  git_https: 'Clone over https; off uses plain http (ssh is not supported).',
  git_account: 'Account whose token clones a private repo; empty for a public repo.',
  repo: 'The repository as namespace/name, e.g. acme/infra.',
  branch: 'The branch to clone and pull.',
  commit: 'A commit hash to check out instead of the latest of the branch; empty for the latest.',
  webhook_secret: 'Secret the incoming webhook must be signed with; empty uses the global one.',
} as const;

export const MAINTENANCE_WINDOWS =
  'Daily, weekly or one-time periods (start time and minutes) during which alerts are held back.';
