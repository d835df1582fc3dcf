import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { SyncFile, SyncProblem } from '@monitor/domain';
import { syncProblem } from './problems';

export interface CollectedFiles {
  files: SyncFile[];
  /** Paths refused or missing: `file` is the path as given or found, `line` 0 (no line in it). */
  problems: SyncProblem[];
}

const FIELD = 'resource_path';

/** Whether `path` (real) is `root` (real) or inside it. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

const toPosix = (path: string) => path.split(sep).join('/');

class Collector {
  readonly files: SyncFile[] = [];
  readonly problems: SyncProblem[] = [];
  /** Real paths read, so a file reached twice (a folder and a file in it) is read once. */
  private readonly seen = new Set<string>();

  constructor(private readonly root: string) {}

  refuse(path: string, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push(syncProblem(severity, toPosix(path), 0, FIELD, message));
  }

  /** `path` relative to the root; `given` when it was named in resource_path, not found in a folder. */
  async visit(path: string, given: boolean): Promise<void> {
    const full = join(this.root, path);
    const link = await lstat(full).catch(() => undefined);
    if (!link) return this.refuse(path, 'does not exist: nothing is read, nothing deleted');
    const real = await realpath(full).catch(() => undefined);
    if (!real) return this.refuse(path, 'is a broken symbolic link');
    if (!inside(this.root, real))
      return this.refuse(path, 'leads out of the sync folder (symbolic link): refused');
    if (this.seen.has(real)) return;
    this.seen.add(real);
    const target = await stat(real);
    if (target.isDirectory()) {
      const names = (await readdir(real)).sort();
      for (const name of names) await this.visit(join(path, name), false);
    } else if (!target.isFile()) {
      if (given) this.refuse(path, 'is neither a file nor a folder');
    } else if (path.endsWith('.toml')) {
      this.files.push({ path: toPosix(path), contents: await readFile(real, 'utf8') });
    } else if (given) this.refuse(path, 'is not a .toml file: not read', 'warning');
  }
}

/** Why a resource_path entry may not be read at all: it would name a place outside the root. */
function pathProblem(entry: string): string | undefined {
  if (entry.includes('\0')) return 'must not contain a NUL character';
  if (isAbsolute(entry) || /^[A-Za-z]:[\\/]/.test(entry))
    return 'must be relative to the sync folder, not absolute';
  if (entry.split(/[\\/]/).includes('..')) return "must not contain '..'";
  return undefined;
}

/**
 * The `.toml` files a sync reads under `root` (a checkout or a folder on the host): each
 * `resource_path` entry a file or a folder (read recursively, sorted by name). Nothing outside
 * the root is read: absolute paths, `..` and symbolic links leading out are refused by name.
 */
export async function collectSyncFiles(
  root: string,
  resourcePaths: string[],
): Promise<CollectedFiles> {
  const realRoot = await realpath(root);
  const collector = new Collector(realRoot);
  // Komodo reads nothing when no path is given: say so, as it declares nothing.
  if (!resourcePaths.length) collector.refuse('', 'is empty: no file is read', 'warning');
  for (const entry of resourcePaths) {
    const problem = pathProblem(entry);
    if (problem) collector.refuse(entry, problem);
    else await collector.visit(entry === '' ? '.' : entry, true);
  }
  return { files: collector.files, problems: collector.problems };
}
