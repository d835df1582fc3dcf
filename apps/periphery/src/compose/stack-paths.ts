import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { isProjectName, relativePathProblem } from '@monitor/domain/agent';
import { byRule } from '../api/params';
import { PeripheryError } from '../api/periphery-error';

/**
 * A stack's name becomes a directory name: the same rule as a container name, which cannot be
 * `.`, `..` or hold a `/`, so a stack can never reach outside `<root>/stacks`.
 */
const STACK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/** Compose's own rule for project names (v2 refuses anything else; v1 would mangle it). */

export function stackDirectory(rootDirectory: string, stack: string): string {
  if (!STACK_NAME.test(stack)) throw new PeripheryError('VALIDATION', `stack: invalid name`);
  return join(resolve(rootDirectory), 'stacks', stack);
}

/** A file inside the stack's directory; refuses anything that would land outside it. */
export function fileInStack(directory: string, path: string): string {
  if (problemWithRelativePath(path)) {
    throw new PeripheryError('VALIDATION', `path '${path}' ${problemWithRelativePath(path)}`);
  }
  const target = resolve(directory, path);
  const inside = relative(directory, target);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
    throw new PeripheryError('VALIDATION', `path '${path}' is outside the stack directory`);
  }
  // A cloned repository may hold symlinks: where the path really lands must be inside too.
  if (!isInside(realDirectory(directory), realDirectory(dirname(target)))) {
    throw new PeripheryError('VALIDATION', `path '${path}' leads outside the stack directory`);
  }
  return target;
}

/**
 * A directory inside the stack's directory (a stack's `run_directory`); empty or `.` is the
 * stack's directory itself.
 */
export function directoryInStack(directory: string, path: string | undefined): string {
  const given = (path ?? '').trim();
  if (!given || normalize(given) === '.') return directory;
  return fileInStack(directory, given);
}

/** The real path of the deepest part of `path` that exists (the rest cannot be a link yet). */
function realDirectory(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return resolve(realpathSync(existing), relative(existing, path));
}

function isInside(parent: string, child: string): boolean {
  const inside = relative(parent, child);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Why a path is not a plain relative path below the resource's directory, or undefined: the
 * domain's rule (no absolute path, no `..`, nothing inside `.git`), and never empty here.
 */
export function problemWithRelativePath(path: unknown): string | undefined {
  if (typeof path !== 'string' || !path) return 'must be a non-empty string';
  if (normalize(path).split(sep).includes('..')) return "must not contain '..'";
  return relativePathProblem(path);
}

export const RelativePath = byRule<string>(problemWithRelativePath);

/** A list of relative paths; the message names the first bad entry by index. */
export const RelativePaths = byRule<string[]>((value) => {
  if (!Array.isArray(value)) return 'must be an array of relative paths';
  for (const [index, path] of value.entries()) {
    const problem = problemWithRelativePath(path);
    if (problem) return `[${index}] ${problem}`;
  }
  return undefined;
});

export const StackName = byRule<string>((v) =>
  typeof v === 'string' && STACK_NAME.test(v)
    ? undefined
    : "must be a letter or digit, then letters, digits, '_', '.' or '-'",
);

export const ProjectName = byRule<string>((v) =>
  typeof v === 'string' && isProjectName(v)
    ? undefined
    : "must be lowercase letters, digits, '_' or '-', starting with a letter or digit",
);
