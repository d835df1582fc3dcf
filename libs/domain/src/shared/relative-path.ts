/**
 * What is wrong with `path` as a path inside the folder the agent gives a resource (a stack's
 * files, a repo's env file, a command's folder, a build's context), if anything. Empty is fine:
 * it means the default. `~` is refused because these paths reach a shell (`cd <path> && ...`),
 * which would expand it. Nothing may be written or run inside `.git`: git runs what its config
 * names (`core.fsmonitor`, hooks), so a file planted there is a command on the host.
 */
export function relativePathProblem(path: string): string | undefined {
  if (path.includes('\0')) return 'must not contain NUL characters';
  if (/^([/\\~]|[A-Za-z]:)/.test(path))
    return `must be a relative path, not absolute (got "${path}")`;
  const segments = path.split(/[/\\]/);
  if (segments.includes('..')) return `must not contain '..' segments (got "${path}")`;
  if (segments.some((segment) => segment.toLowerCase() === '.git'))
    return `must not be inside '.git' (got "${path}")`;
  return undefined;
}
