import type { SyncProblem } from '../declared';
import { KIND_TABLES } from '../toml/render-resource';
import { referenceName } from './lookup';
import { resourceKey } from './order';
import { referencesOf } from './references';
import type { PlanInput, ResourceChange } from './types';

/**
 * Declarations that name a resource the plan deletes (it exists, so the reader let the
 * reference through, but the files no longer declare it): applied, the reference would dangle.
 * Komodo deletes regardless; the plan says so at the reference, as a warning.
 */
export function danglingReferences(input: PlanInput, changes: ResourceChange[]): SyncProblem[] {
  const deleted = new Set(changes.filter((c) => c.action === 'Delete').map((c) => c.key));
  if (!deleted.size) return [];
  return input.declared.resources.flatMap((declared) =>
    referencesOf(declared.kind, declared.config).flatMap((ref) => {
      const name = referenceName(input.lookup, ref.kind, ref.target);
      if (!deleted.has(resourceKey(ref.kind, name))) return [];
      const field = `config.${ref.path}`;
      return [
        {
          file: declared.source.file,
          line: declared.lines[field] ?? declared.source.line,
          field: `${KIND_TABLES[declared.kind]}[${declared.name}].${field}`,
          severity: 'warning' as const,
          message: `names ${ref.kind} '${name}', which this sync deletes (no file declares it): declare it, or the reference is left dangling`,
        },
      ];
    }),
  );
}
