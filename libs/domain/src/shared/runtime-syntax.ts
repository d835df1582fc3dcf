/**
 * What the agent hands to Docker, compose and git, checked as those tools read it: the same
 * rules when a config is written (a clear 400 then) and at the agent (its last word).
 */

const ALNUM = '[a-zA-Z0-9]';
const HOST = `${ALNUM}(?:[a-zA-Z0-9.-]*${ALNUM})?(?::\\d{1,5})?`;
const COMPONENT = `${ALNUM}+(?:(?:[._]|__|-+)${ALNUM}+)*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
/**
 * Docker's reference grammar (distribution/reference): `[host[:port]/]path[:tag][@digest]`.
 * Besides refusing what no registry could hold, it keeps out whitespace, shell characters, and
 * the `?`, `#`, `%` and `.`/`..` path segments that would turn the name, put into an Engine URL,
 * into another endpoint.
 */
const IMAGE_REFERENCE = new RegExp(
  `^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`,
);

/** Docker's own ceiling is 255 for the name plus 128 for the tag; a digest adds 71. */
export const IMAGE_REFERENCE_MAX = 512;

export const isImageReference = (value: string) =>
  value.length <= IMAGE_REFERENCE_MAX && IMAGE_REFERENCE.test(value);

/** Compose's project names (v2's rule, which v1 accepts too). */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]{0,127}$/;
export const isProjectName = (value: string) => PROJECT_NAME.test(value);

/** A branch git accepts that cannot be read as an option nor climb out of refs (`..`). */
const GIT_BRANCH = /^(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;
export const isGitBranch = (value: string) => GIT_BRANCH.test(value) && !value.endsWith('/');

/** An abbreviated or full commit hash. */
export const isGitCommit = (value: string) => /^[0-9a-fA-F]{4,40}$/.test(value);

/** `host[:port]` of a git provider: no scheme, user, path or query, which would change the URL. */
export const isGitProvider = (value: string) => new RegExp(`^${HOST}$`).test(value);

/**
 * A repository's path at its provider (`owner/name`, GitLab's `group/sub/name`, `.git` or not):
 * segments of names, none of them `.` or `..`, none starting with `-` (read as an option).
 */
export const isGitRepoPath = (value: string) =>
  value.length <= 512 &&
  value
    .split('/')
    .every((segment) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(segment) && !/^\.+$/.test(segment));
