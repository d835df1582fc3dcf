import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { invalid, relativePathProblem } from '@monitor/domain';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The path's segments, refused (400) when it is absolute, has `..` or names no file. */
function segmentsOf(path: string): string[] {
  const problem = relativePathProblem(path);
  if (problem) throw invalid(`file path ${problem}`, { field: 'file_path' });
  const segments = path.split(/[/\\]/).filter((s) => s !== '' && s !== '.');
  if (!segments.length) throw invalid(`file path '${path}' names no file`, { field: 'file_path' });
  return segments;
}

const leadsOut = (path: string) =>
  invalid(`file path '${path}' leads out of the sync folder (symbolic link): refused`, {
    field: 'file_path',
  });

/**
 * Refuses (400), before anything is written, a path whose existing folders lead out of `root`
 * through a symbolic link; writeUnder checks again as it writes.
 */
export async function checkUnder(root: string, path: string): Promise<void> {
  const segments = segmentsOf(path);
  const realRoot = await realpath(root);
  let at = realRoot;
  for (const segment of segments.slice(0, -1)) {
    const next = await realpath(join(at, segment)).catch(() => undefined);
    if (!next) return;
    if (!inside(realRoot, next)) throw leadsOut(path);
    at = next;
  }
  const file = await lstat(join(at, segments[segments.length - 1])).catch(() => undefined);
  if (file?.isSymbolicLink())
    throw invalid(`file path '${path}' is a symbolic link: refused`, { field: 'file_path' });
}

/**
 * Writes `contents` at `path` under the sync's folder `root`, never outside it: the path is
 * relative with no `..` (relativePathProblem), every folder on the way resolves inside the root
 * (a symbolic link leading out is refused), and the file itself is opened without following a
 * link. Missing folders are made, so a new file lands under the sync's folder only.
 */
export async function writeUnder(root: string, path: string, contents: string): Promise<string> {
  const segments = segmentsOf(path);
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  let folder = realRoot;
  // Folder by folder, so that a link leading out is refused before anything is made there.
  for (const segment of segments.slice(0, -1)) {
    const next = join(folder, segment);
    await mkdir(next).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    folder = await realpath(next);
    if (!inside(realRoot, folder)) throw leadsOut(path);
  }
  const target = join(folder, segments[segments.length - 1]);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  const handle = await open(target, flags, 0o600).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP')
      throw invalid(`file path '${path}' is a symbolic link: refused`, { field: 'file_path' });
    throw error;
  });
  try {
    await handle.writeFile(contents, 'utf8');
  } finally {
    await handle.close();
  }
  return target;
}
