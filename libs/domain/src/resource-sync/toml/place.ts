import { invalid } from '../../shared/domain-error';
import type { DeclaredSet, SyncFile } from '../declared';
import type { SyncEntryKind } from './blocks';
import type { SyncFileChange } from './rewrite';

/** The changes one file of a sync gets. */
export interface FileChanges {
  path: string;
  changes: SyncFileChange[];
}

interface Declared {
  kind: SyncEntryKind;
  name: string;
  file: string;
}

function declaredIn(declared: DeclaredSet): Declared[] {
  return [
    ...declared.resources.map((r) => ({ kind: r.kind, name: r.name, file: r.source.file })),
    ...declared.variables.map((v) => ({
      kind: 'Variable' as const,
      name: v.name,
      file: v.source.file,
    })),
    ...declared.userGroups.map((g) => ({
      kind: 'UserGroup' as const,
      name: g.name,
      file: g.source.file,
    })),
  ];
}

/** The file declaring most entries of this kind (the earlier file on a tie), if any does. */
function fileOfKind(
  files: SyncFile[],
  entries: Declared[],
  kind: SyncEntryKind,
): string | undefined {
  let best: { path: string; count: number } | undefined;
  for (const file of files) {
    const count = entries.filter((e) => e.kind === kind && e.file === file.path).length;
    if (count > 0 && (!best || count > best.count)) best = { path: file.path, count };
  }
  return best?.path;
}

/**
 * Which file each change goes to: an entry the files declare stays in the file it came from
 * (a create for one becomes its update there); a new one goes to the file declaring most of its
 * kind, else to the sync's first file. Deleting an entry no file declares writes nothing.
 */
export function placeResources(
  files: SyncFile[],
  declared: DeclaredSet,
  changes: SyncFileChange[],
): FileChanges[] {
  if (files.length === 0)
    throw invalid('the sync has no file to write to (resource_path is empty)');
  const entries = declaredIn(declared);
  const byFile = new Map<string, SyncFileChange[]>(files.map((f) => [f.path, []]));
  const into = (file: string, change: SyncFileChange) => {
    const list = byFile.get(file);
    if (!list)
      throw invalid(
        `${change.kind} '${change.name}' is declared in ${file}, not a file of the sync`,
      );
    list.push(change);
  };
  for (const change of changes) {
    const at = entries.find((e) => e.kind === change.kind && e.name === change.name);
    if (change.action === 'delete') {
      if (at) into(at.file, change);
    } else if (at) into(at.file, { ...change, action: 'update' });
    else
      into(fileOfKind(files, entries, change.kind) ?? files[0].path, {
        ...change,
        action: 'create',
      });
  }
  return files
    .map((f) => ({ path: f.path, changes: byFile.get(f.path) ?? [] }))
    .filter((f) => f.changes.length > 0);
}
